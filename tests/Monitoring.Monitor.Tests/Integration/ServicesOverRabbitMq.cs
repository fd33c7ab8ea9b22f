using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Monitoring.Monitor.Tests.Integration;

/// <summary>
/// Ingest, classify and alert as three separate hosts (<see cref="ServiceHost"/>), each with its own SQLite file and its
/// own connection to the real broker, on a vhost of their own: the other integration tests' hosts consume from the same
/// queue names on the run's vhost and would take these articles as competing consumers. Where <c>rabbitmqctl</c> cannot
/// reach the broker, the run's vhost is used.
/// </summary>
public sealed class ServicesOverRabbitMq : IAsyncLifetime
{
    public const string AdminKey = "integration-signals-admin-key";

    private string? _ownVhost;

    public ServiceHost Ingest { get; private set; } = null!;
    public ServiceHost Classify { get; private set; } = null!;
    public ServiceHost Alert { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (RabbitMqCtl.Unavailable is null)
        {
            _ownVhost = $"{RabbitMqBroker.VirtualHost}-signals-{Guid.NewGuid().ToString("N")[..8]}";
            await RabbitMqCtl.AddVhostAsync(_ownVhost, CancellationToken.None);
        }

        Ingest = await ServiceHost.IngestAsync(Settings("ingest"));
        Classify = await ServiceHost.ClassifyAsync(Settings("classify"));
        var alert = Settings("alert");
        alert["Alert:AdminApiKey"] = AdminKey;
        alert["Safety:AllowedHosts:0"] = "127.0.0.1"; // the test webhook receivers listen on loopback
        alert["Alert:Upstreams:Ingest:Url"] = Ingest.Address.ToString(); // stories are read from ingest, as the desk does in this deployment
        alert["Alert:Upstreams:Ingest:ReadKey"] = TestSettings.ReadKey;
        Alert = await ServiceHost.AlertAsync(alert);
    }

    private Dictionary<string, string?> Settings(string name)
    {
        var settings = RabbitMqBroker.Settings($"signals-{name}");
        if (_ownVhost is not null) settings["Messaging:RabbitMq:VirtualHost"] = _ownVhost;
        return settings;
    }

    /// <summary>Posts the text as the outlet <paramref name="source"/> would; returns the article and story ids ingest gave it.</summary>
    public async Task<(string ArticleId, string StoryId)> PostAsync(string source, string text)
    {
        using var content = new StringContent(text.Trim(), Encoding.UTF8, "text/plain");
        using var posted = await Ingest.Http.PostAsync($"/api/articles?source={Uri.EscapeDataString(source)}", content, Ct);
        var body = await posted.Content.ReadAsStringAsync(Ct);
        Assert.True(posted.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.False(json.RootElement.GetProperty("duplicate").GetBoolean(), $"{source}'s article was taken for a duplicate");
        return (json.RootElement.GetProperty("articleId").GetString()!, json.RootElement.GetProperty("storyId").GetString()!);
    }

    /// <summary>An analyst of their own with one webhook receiver for all their subscriptions.</summary>
    public async Task<Analyst> AnalystAsync(string name) =>
        new((await new AlertClient(Alert, AdminKey).CreateAnalystAsync(name)).Http, await WebhookReceiver.StartAsync());

    /// <summary>The webhook payloads the receiver got, parsed.</summary>
    public static List<JsonElement> Payloads(WebhookReceiver webhook) =>
        webhook.Received.Select(w => JsonDocument.Parse(w.Body).RootElement).ToList();

    public sealed record Analyst(HttpClient Http, WebhookReceiver Webhook) : IAsyncDisposable
    {
        /// <summary>Subscribes with the query, delivered to this analyst's webhook; returns the subscription id.</summary>
        public async Task<string> SubscribeAsync(string name, string query) =>
            (await AlertClient.SubscribeAsync(Http, new { name, query, webhookUrl = Webhook.Url.ToString() })).GetProperty("subscriptionId").GetString()!;

        public async Task<JsonElement[]> AlertsAsync() => (await Http.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!;

        /// <summary>Waits until every alert the analyst has is delivered by webhook, then checks that nothing more comes within a short settle.</summary>
        public async Task<JsonElement[]> SettledAlertsAsync(int expected)
        {
            await Eventually.HoldsAsync(async () => (await AlertsAsync()).Length >= expected && Webhook.Received.Count >= expected, $"{expected} alert(s) are raised and delivered", TimeSpan.FromSeconds(45));
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            var alerts = await AlertsAsync();
            Assert.Equal(expected, alerts.Length);
            Assert.Equal(expected, Webhook.Received.Count);
            return alerts;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Webhook.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { Ingest, Classify, Alert })
        {
            if (host is not null) await host.DisposeAsync();
        }

        if (_ownVhost is not null) await RabbitMqCtl.DeleteVhostAsync(_ownVhost, CancellationToken.None);
    }
}
