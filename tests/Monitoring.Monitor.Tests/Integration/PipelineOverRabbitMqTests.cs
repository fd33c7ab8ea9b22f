using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Alerts;
using Monitoring.Classify.Articles;
using Monitoring.Contracts;
using Monitoring.Monitor.Tests.Faults;
using Monitoring.Storage;
using RabbitMQ.Client;

namespace Monitoring.Monitor.Tests.Integration;

/// <summary>
/// Ingest, classify and alert as three separate hosts, each with its own SQLite file and its own connection
/// to a real RabbitMQ broker, and a real HTTP listener as the analyst's webhook.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PipelineOverRabbitMqTests : IAsyncLifetime
{
    private const string AdminKey = "integration-admin-key";
    private static readonly ActivitySource TestSource = new("Monitoring.Tests");

    private readonly ActivityCollector _spans = new();
    private readonly MessageLog _log = new();
    private ServiceHost _ingest = null!;
    private ServiceHost _classify = null!;
    private ServiceHost _alert = null!;
    private WebhookReceiver _webhook = null!;
    private HttpClient _analyst = null!;
    private string? _ownVhost;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // A vhost of its own: the recovery and tuning tests start hosts on the run's vhost at the same time, and their
        // classify or alert would take this article from the shared queues as a competing consumer (seen in a full run).
        if (RabbitMqCtl.Unavailable is null)
        {
            _ownVhost = $"{RabbitMqBroker.VirtualHost}-pipeline-{Guid.NewGuid().ToString("N")[..8]}";
            await RabbitMqCtl.AddVhostAsync(_ownVhost, CancellationToken.None);
        }

        _webhook = await WebhookReceiver.StartAsync();
        _ingest = await ServiceHost.IngestAsync(Settings("ingest"));
        _classify = await ServiceHost.ClassifyAsync(Settings("classify"), builder => builder.AddRecorders(_log));
        var alertSettings = Settings("alert");
        alertSettings["Alert:AdminApiKey"] = AdminKey;
        alertSettings["Safety:AllowedHosts:0"] = "127.0.0.1"; // the test webhook receiver listens on loopback
        _alert = await ServiceHost.AlertAsync(alertSettings);

        _analyst = await CreateAnalystWithSubscriptionAsync();
    }

    private Dictionary<string, string?> Settings(string name)
    {
        var settings = RabbitMqBroker.Settings(name);
        if (_ownVhost is not null) settings["Messaging:RabbitMq:VirtualHost"] = _ownVhost;
        return settings;
    }

    [Fact]
    public async Task The_sample_article_flows_through_three_services_once_in_one_trace()
    {
        // 1. Posted once: the event is stored with the expected tags and the webhook is called once, in the same trace.
        ActivityTraceId traceId;
        string articleId;
        using (var root = TestSource.StartActivity("analyst posts the sample article", ActivityKind.Client))
        {
            traceId = root!.TraceId;
            articleId = await PostAsync(SampleArticle.Text, expectDuplicate: false);
        }

        await Eventually.HoldsAsync(() => !_webhook.Received.IsEmpty, "the webhook is called");
        var delivery = Assert.Single(_webhook.Received);
        Assert.Equal(traceId.ToHexString(), delivery.TraceId);
        using (var payload = JsonDocument.Parse(delivery.Body))
        {
            Assert.Equal(articleId, payload.RootElement.GetProperty("articleId").GetString());
        }

        var stored = await _classify.Http.GetFromJsonAsync<ClassifiedArticle>($"/api/classified-articles/{articleId}", Ct);
        Assert.Contains("CHN", stored!.Countries);
        Assert.Contains("RUS", stored.Countries);
        Assert.Contains(stored.Topics, t => t.Id == "law-enforcement");
        Assert.Contains(stored.Topics, t => t.Id == "security-cooperation");

        await Eventually.HoldsAsync(async () => (await AlertsAsync()).Single().DeliveryStatus == DeliveryStatus.Delivered, "the alert is recorded as delivered");
        AssertOneTrace(traceId);

        // 2. Posted again: recognised as a duplicate, nothing new reaches the analyst.
        Assert.Equal(articleId, await PostAsync(SampleArticle.Text, expectDuplicate: true));

        // 3. ArticleClassified delivered a second time: the alert exists already, so no second call.
        await Eventually.HoldsAsync(() => !_log.Classified.IsEmpty, "the recorder sees ArticleClassified");
        Assert.True(_log.Classified.TryPeek(out var classified));
        await _classify.Services.GetRequiredService<IBus>().Publish(classified, Ct);
        await Eventually.HoldsAsync(() => _log.Classified.Count >= 2, "the redelivered ArticleClassified is consumed");

        // 4. A message classify cannot process ends in its _error queue, and the next good article still flows.
        var poisonId = "poison-" + Guid.NewGuid().ToString("N");
        await _ingest.Services.GetRequiredService<IBus>().Publish(new ArticleIngested
        {
            ArticleId = poisonId,
            StoryId = poisonId,
            ContentHash = poisonId,
            Text = "",
            Language = "en",
            IngestedAt = DateTimeOffset.UtcNow,
        }, Ct);
        var fault = (await ErrorQueue.ReadAsync(BrokerEndpoint.Shared with { VirtualHost = _ownVhost ?? RabbitMqBroker.VirtualHost }, "classify-article_error", [poisonId]))[poisonId];
        Assert.Contains("has no text", fault, StringComparison.Ordinal);

        var secondId = await PostAsync(SecondArticle, expectDuplicate: false);
        // Three hops after a poison message's retries, while the fault suite in this assembly loads the same two cores: give it time.
        await Eventually.HoldsAsync(() => _webhook.Received.Count >= 2, "the next article's alert is delivered", TimeSpan.FromSeconds(90));

        // Settle, then count: the duplicate post and the redelivery produced nothing.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(2, _webhook.Received.Count);
        Assert.Equal([articleId, secondId], _webhook.Received.Select(w => JsonDocument.Parse(w.Body).RootElement.GetProperty("articleId").GetString()));
        Assert.Equal(2, (await AlertsAsync()).Count);
    }

    private const string SecondArticle = """
        Moscow and Beijing agree to step up police cooperation
        Russian and Chinese police chiefs met in Moscow on Tuesday and agreed to strengthen law enforcement cooperation
        against transnational crime, including joint investigations and faster extradition requests.
        The Russian interior ministry said security cooperation with China would be expanded to cover cybercrime.
        """;

    private async Task<string> PostAsync(string text, bool expectDuplicate)
    {
        using var response = await _ingest.Http.PostAsync("/api/articles?source=integration", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expectDuplicate, body.RootElement.GetProperty("duplicate").GetBoolean());
        return body.RootElement.GetProperty("articleId").GetString()!;
    }

    private async Task<List<AlertRecord>> AlertsAsync() =>
        (await _analyst.GetFromJsonAsync<List<AlertRecord>>("/api/alerts", Ct))!;

    private async Task<HttpClient> CreateAnalystWithSubscriptionAsync()
    {
        using var admin = new HttpRequestMessage(HttpMethod.Post, "/api/analysts") { Content = JsonContent.Create(new { name = "Integration analyst" }) };
        admin.Headers.Add("X-Api-Key", AdminKey);
        using var created = await _alert.Http.SendAsync(admin, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("apiKey").GetString();

        var analyst = new HttpClient { BaseAddress = _alert.Address };
        analyst.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        using var subscription = await analyst.PostAsJsonAsync("/api/subscriptions", new
        {
            name = "China–Russia law enforcement",
            topics = new[] { "law-enforcement" },
            countries = new[] { "CHN", "RUS" },
            webhookUrl = _webhook.Url.ToString(),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
        return analyst;
    }

    /// <summary>Reads the named error queue over AMQP until the message for <paramref name="key"/> appears; returns its fault text.</summary>
    private void AssertOneTrace(ActivityTraceId traceId)
    {
        var spans = _spans.InTrace(traceId);
        string Describe() => string.Join("\n", spans.Select(s => $"{s.Source.Name}: {s.DisplayName} [{s.Kind}]"));

        Assert.True(spans.Any(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server), "ingest HTTP request span\n" + Describe());
        Assert.True(spans.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.DisplayName.Contains("classify-article", StringComparison.Ordinal)), "classify consume span\n" + Describe());
        Assert.True(spans.Any(s => s.Source.Name == StorageTelemetry.SourceName && s.DisplayName == "INSERT classify_events"), "classified-article store span\n" + Describe());
        Assert.True(spans.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.DisplayName.Contains("match-subscriptions", StringComparison.Ordinal)), "alert matching consume span\n" + Describe());
        Assert.True(spans.Any(s => s.Source.Name == StorageTelemetry.SourceName && s.DisplayName == "INSERT alert_story_alerts"), "alert store span\n" + Describe());
        Assert.True(spans.Any(s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client && s.GetTagItem("url.full")?.ToString() == _webhook.Url.ToString()), "webhook call span\n" + Describe());
    }

    public async ValueTask DisposeAsync()
    {
        _analyst?.Dispose();
        foreach (var host in new[] { _ingest, _classify, _alert })
        {
            if (host is not null) await host.DisposeAsync();
        }

        if (_webhook is not null) await _webhook.DisposeAsync();
        if (_ownVhost is not null) await RabbitMqCtl.DeleteVhostAsync(_ownVhost, CancellationToken.None);
        _spans.Dispose();
    }
}
