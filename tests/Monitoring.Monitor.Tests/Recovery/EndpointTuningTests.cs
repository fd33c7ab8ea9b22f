using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Monitor.Tests.Recovery;

/// <summary>Prefetch and concurrency per endpoint come from configuration; no consumer definition caps them below it.</summary>
[Trait("Category", "Integration")]
public sealed class EndpointTuningTests
{
    [Fact]
    public async Task Configured_prefetch_and_concurrency_reach_the_broker_endpoints()
    {
        var settings = RabbitMqBroker.Settings("tuning");
        settings["Messaging:PrefetchCount"] = "12";
        settings["Messaging:ConcurrentMessageLimit"] = "6";
        settings["Messaging:Endpoints:deliver-alert:ConcurrentMessageLimit"] = "40";
        settings["Messaging:Endpoints:deliver-alert:PrefetchCount"] = "50";
        settings["Messaging:Endpoints:match-subscriptions:ConcurrentMessageLimit"] = "3";
        settings["Messaging:Endpoints:match-subscriptions:PrefetchCount"] = "5";
        await using var classify = await ServiceHost.ClassifyAsync(settings);
        await using var alert = await ServiceHost.AlertAsync(settings);

        // The bus-wide values reach an endpoint that has no default of its own; an endpoint's own values win over both.
        var classifying = Endpoints(classify.Services.GetRequiredService<IBus>().GetProbeResult(TestContext.Current.CancellationToken));
        Assert.Equal((12, 6, 6), classifying["classify-article"]);
        var endpoints = Endpoints(alert.Services.GetRequiredService<IBus>().GetProbeResult(TestContext.Current.CancellationToken));
        Assert.Equal((5, 3, 3), endpoints["match-subscriptions"]);
        Assert.Equal((50, 40, 40), endpoints["deliver-alert"]);
    }

    [Fact]
    public async Task A_service_default_applies_where_nothing_is_configured()
    {
        var settings = RabbitMqBroker.Settings("tuning-defaults");
        settings["Messaging:PrefetchCount"] = "12";
        await using var alert = await ServiceHost.AlertAsync(settings);

        var endpoints = Endpoints(alert.Services.GetRequiredService<IBus>().GetProbeResult(TestContext.Current.CancellationToken));

        // Webhook calls wait on the network, so delivery runs more at once than the bus default (8); matching keeps
        // its own prefetch and concurrency (Alert:MatchPrefetchCount, Alert:MatchConcurrentMessageLimit) over the bus-wide one.
        Assert.Equal(32, endpoints["deliver-alert"].Concurrency);
        Assert.Equal((16, 8, 8), endpoints["match-subscriptions"]);
    }

    /// <summary>Per queue: the prefetch and concurrency of the receive endpoint, and the tightest consumer-level limit inside it.</summary>
    private static Dictionary<string, (int Prefetch, int Concurrency, int Effective)> Endpoints(object probe)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(probe));
        var endpoints = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        foreach (var endpoint in Objects(json.RootElement).Where(o => o.TryGetProperty("queueName", out _) && o.TryGetProperty("prefetchCount", out _)))
        {
            var concurrency = endpoint.GetProperty("concurrentMessageLimit").GetInt32();
            var consumerLimits = Objects(endpoint).Where(o => o.TryGetProperty("filterType", out var type) && type.GetString() == "concurrencyLimit").Select(o => o.GetProperty("limit").GetInt32());
            endpoints[endpoint.GetProperty("queueName").GetString()!] =
                (endpoint.GetProperty("prefetchCount").GetInt32(), concurrency, consumerLimits.Append(concurrency).Min());
        }

        return endpoints;
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };
}
