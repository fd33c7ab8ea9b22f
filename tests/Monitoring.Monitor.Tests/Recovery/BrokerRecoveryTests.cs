using System.Diagnostics;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Streaming;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Monitor.Tests.Recovery;

/// <summary>
/// A service against the real broker behind a relay the test can cut: readiness tells the truth while the broker is away,
/// the consumers are back within the capped back-off once it returns, and the live-stream queue is there only while a listener listens.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BrokerRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_is_503_while_the_broker_is_unreachable_and_200_within_the_back_off_once_it_is_back()
    {
        await using var proxy = new TcpProxy(RabbitMqBroker.Host, RabbitMqBroker.Port);
        proxy.Start();
        var settings = RabbitMqBroker.Settings("recovery");
        settings["Messaging:RabbitMq:Port"] = proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Messaging:RabbitMq:ReconnectInterval"] = "00:00:02";
        await using var alert = await ServiceHost.AlertAsync(settings);
        Assert.Equal(HttpStatusCode.OK, await ReadinessAsync(alert));

        proxy.Stop();
        await Eventually.HoldsAsync(async () => await ReadinessAsync(alert) == HttpStatusCode.ServiceUnavailable, "readiness reports the broker gone", TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(6), Ct); // several failed reconnection attempts: the back-off has grown to its cap
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync(alert));

        proxy.Start();
        var back = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => await ReadinessAsync(alert) == HttpStatusCode.OK, "readiness reports the broker back", TimeSpan.FromSeconds(20));

        // The cap is 2 s here; MassTransit's own 30 s ceiling would leave the endpoints down far longer.
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(8), $"ready again after {back.Elapsed.TotalSeconds:0.0} s");
        await alert.Services.GetRequiredService<IBus>().Publish(Probe(), Ct);
    }

    [Fact]
    public async Task The_live_stream_queue_is_a_classic_transient_queue_there_only_while_a_listener_listens()
    {
        if (RabbitMqCtl.Unavailable is { } reason) Assert.Skip(reason);
        var settings = RabbitMqBroker.Settings("stream");

        var first = await ServiceHost.AlertAsync(settings);
        var feed = first.Services.GetRequiredKeyedService<OnDemandEndpoint>(AlertStream.Feed);
        // No listener: no queue of its own, so no alert is routed to this instance or consumed by it.
        Assert.Null(feed.QueueName);

        var listener = await first.Services.GetRequiredService<AlertStream>().OpenAsync("someone", Ct);
        var name = feed.QueueName!;
        var queue = Assert.Single(await RabbitMqCtl.QueuesAsync(name));
        // Exclusive or auto-delete: either way the broker deletes it when its consumer goes, and it is no quorum queue.
        Assert.True(queue is { Type: "classic", Durable: false, Consumers: 1 } && (queue.AutoDelete || queue.Exclusive), $"{queue}");

        // The second instance keeps publishing while the first one's queue is deleted under it: its listener leaves.
        await using var second = await ServiceHost.AlertAsync(settings);
        await using var secondListener = await second.Services.GetRequiredService<AlertStream>().OpenAsync("someone", Ct);
        var secondName = second.Services.GetRequiredKeyedService<OnDemandEndpoint>(AlertStream.Feed).QueueName!;
        var bus = second.Services.GetRequiredService<IBus>();
        var publishing = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await bus.Publish(Probe(), Ct);
                await Task.Delay(20, Ct);
            }
        }, Ct);
        await listener.DisposeAsync();
        Assert.Null(feed.QueueName);
        await Eventually.HoldsAsync(async () => (await RabbitMqCtl.QueuesAsync(name)).Count == 0, "the queue leaves with its listener", TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, await ReadinessAsync(first));

        // Listening again takes a new queue, and it leaves with the service too.
        await using (await first.Services.GetRequiredService<AlertStream>().OpenAsync("someone", Ct))
        {
            name = feed.QueueName!;
            Assert.Single(await RabbitMqCtl.QueuesAsync(name));
            await first.DisposeAsync();
        }

        await publishing;

        Assert.Empty(await RabbitMqCtl.QueuesAsync(name));
        Assert.Single(await RabbitMqCtl.QueuesAsync(secondName));
    }

    private static async Task<HttpStatusCode> ReadinessAsync(ServiceHost host)
    {
        using var response = await host.Http.GetAsync("/health/ready", Ct);
        return response.StatusCode;
    }

    /// <summary>An alert for nobody: no analyst exists, so delivery finds no subscription and records nothing.</summary>
    private static AlertRaised Probe() => new()
    {
        AlertId = Guid.NewGuid().ToString("N"),
        AnalystId = "nobody",
        SubscriptionId = "none",
        ArticleId = "probe",
        StoryId = "probe",
        Topics = [],
        Countries = [],
        ArticleIngestedAt = DateTimeOffset.UtcNow,
        RaisedAt = DateTimeOffset.UtcNow,
    };
}
