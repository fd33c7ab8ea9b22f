using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Alert.Alerts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Corroboration;

/// <summary>
/// A channel "only when corroborated" (<c>minOutlets</c>), through the alert host on the in-memory bus with real SQLite
/// stores and two real webhook receivers: the plain channel gets what it always got, the gated one only the event alert,
/// once, when the event reaches its count.
/// </summary>
public sealed class GatedChannelTests : IAsyncLifetime
{
    private const string AdminKey = "gates-admin";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 16, 6, 30, 0, TimeSpan.Zero));
    private WebhookReceiver _plain = null!;
    private WebhookReceiver _gated = null!;
    private ServiceHost _alert = null!;
    private AlertClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _plain = await WebhookReceiver.StartAsync();
        _gated = await WebhookReceiver.StartAsync();
        var settings = TestSettings.InMemory("gates");
        settings["Alert:AdminApiKey"] = AdminKey;
        settings["Safety:AllowedHosts:0"] = "127.0.0.1"; // the receivers listen on loopback
        _alert = await ServiceHost.AlertAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(_clock));
        _client = new AlertClient(_alert, AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _alert.DisposeAsync();
        await _gated.DisposeAsync();
        await _plain.DisposeAsync();
    }

    /// <summary>Norway expelling Russian diplomats (CAMEO 174), as classify publishes it, by <paramref name="outlet"/>.</summary>
    private static ArticleClassified Report(string id, string outlet, int minute, string? story = null) =>
        AlertClient.Article(id, story: story ?? "story-" + id, source: outlet, at: Times.At(minute)) with
        {
            Countries = ["NOR", "RUS"],
            EventCodes = [new ArticleEventCode { Cameo = "174", Source = "NOR", Target = "RUS" }],
        };

    private static List<JsonElement> Bodies(WebhookReceiver receiver) => receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();

    private static int? OutletsOf(JsonElement body) =>
        body.TryGetProperty("corroboration", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("independentOutlets").GetInt32() : null;

    private async Task PublishAndWaitAsync(ArticleClassified article, Func<bool> done, string what)
    {
        await _client.PublishAsync(article);
        await Eventually.HoldsAsync(done, what);
    }

    private async Task PublishAndSettleAsync(ArticleClassified article)
    {
        await _client.PublishAsync(article);
        await Task.Delay(400, Ct);
    }

    [Fact]
    public async Task The_plain_channel_gets_every_story_and_the_gated_one_only_the_event_once_three_outlets_report_it()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Norway–Russia coercion", query = "event:17 AND country:NOR",
            channels = new object[] { new { type = "webhook", target = _plain.Url }, new { type = "webhook", target = _gated.Url, minOutlets = 3 } },
        });

        await PublishAndWaitAsync(Report("a1", "nordwire", 1), () => _plain.Received.Count == 1, "the first story reaches the plain channel");
        await PublishAndSettleAsync(Report("a2", "fjordpost", 2, story: "story-a1")); // a syndicated copy: the same story, no new alert
        await PublishAndWaitAsync(Report("a3", "tass", 3), () => _plain.Received.Count == 2, "the second story reaches the plain channel");
        Assert.Empty(_gated.Received);
        await PublishAndWaitAsync(Report("a4", "reuters", 4), () => _plain.Received.Count == 3 && _gated.Received.Count == 1, "the third outlet reaches both");
        await PublishAndWaitAsync(Report("a5", "bbc", 5), () => _plain.Received.Count == 4, "the fourth story reaches the plain channel");
        await Task.Delay(300, Ct);

        var plain = Bodies(_plain);
        Assert.Equal(["a1", "a3", "a4", "a5"], plain.Select(b => b.GetProperty("articleId").GetString()));
        Assert.All(plain, b => Assert.Null(OutletsOf(b)));
        var gated = Assert.Single(Bodies(_gated));
        Assert.Equal("event:NOR-RUS-17-20240516T0000", gated.GetProperty("storyId").GetString());
        Assert.Equal(3, OutletsOf(gated));
        Assert.Equal(["nordwire", "fjordpost", "tass", "reuters"],
            gated.GetProperty("corroboration").GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("outlet").GetString()));

        // The inbox lists the four stories and the event; the event alert says which channel it was for.
        var alerts = await AlertClient.AlertsAsync(analyst);
        Assert.Equal(5, alerts.Count);
        var eventAlert = Assert.Single(alerts, a => a.Corroboration is not null);
        Assert.Null(eventAlert.Corroboration!.Required);
        Assert.All(alerts, a => Assert.Equal(DeliveryStatus.Delivered, a.DeliveryStatus));
    }

    [Fact]
    public async Task With_corroborated_in_the_query_a_higher_gate_gets_the_same_alert_later_with_its_outlets_then()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Corroborated", query = "corroborated:2 AND event:17",
            channels = new object[] { new { type = "webhook", target = _plain.Url }, new { type = "webhook", target = _gated.Url, minOutlets = 3 } },
        });

        await PublishAndSettleAsync(Report("a1", "nordwire", 1));
        Assert.Empty(_plain.Received);
        await PublishAndWaitAsync(Report("a2", "tass", 2), () => _plain.Received.Count == 1, "two outlets: the plain channel");
        await Task.Delay(300, Ct);
        Assert.Empty(_gated.Received);
        await PublishAndWaitAsync(Report("a3", "reuters", 3), () => _gated.Received.Count == 1, "three outlets: the gated channel");
        await PublishAndSettleAsync(Report("a4", "bbc", 4));

        Assert.Equal([2], Bodies(_plain).Select(OutletsOf));
        Assert.Equal([3], Bodies(_gated).Select(OutletsOf));
        Assert.Equal(Bodies(_plain)[0].GetProperty("alertId").GetString(), Bodies(_gated)[0].GetProperty("alertId").GetString());
        var alert = Assert.Single(await AlertClient.AlertsAsync(analyst));
        Assert.Equal((3, 2), (alert.Corroboration!.IndependentOutlets, alert.Corroboration.Required));
        Assert.Equal(["nordwire", "tass", "reuters"], alert.Outlets);
        Assert.Equal(DeliveryStatus.Delivered, alert.DeliveryStatus);
    }

    [Fact]
    public async Task A_subscription_whose_only_channel_is_gated_lists_its_stories_without_sending_them()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Only corroborated to the hook", query = "event:17",
            channels = new object[] { new { type = "webhook", target = _gated.Url, minOutlets = 2 } },
        });

        await _client.PublishAsync(Report("a1", "nordwire", 1));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).SingleOrDefault()?.DeliveryStatus == DeliveryStatus.NotRequired,
            "the story is listed, not sent");
        await PublishAndWaitAsync(Report("a2", "tass", 2), () => _gated.Received.Count == 1, "two outlets: the event is sent");
        await Task.Delay(300, Ct);

        Assert.Equal([2], Bodies(_gated).Select(OutletsOf));
        var alerts = await AlertClient.AlertsAsync(analyst);
        Assert.Equal(3, alerts.Count);
        Assert.Equal(2, alerts.Count(a => a.Corroboration is null && a.DeliveryStatus == DeliveryStatus.NotRequired));
    }

    [Fact]
    public async Task In_an_hourly_digest_each_channel_gets_only_the_alerts_it_admits()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Digest", query = "event:17", schedule = new { kind = "hourly" },
            channels = new object[] { new { type = "webhook", target = _plain.Url }, new { type = "webhook", target = _gated.Url, minOutlets = 2 } },
        });

        await PublishAndSettleAsync(Report("a1", "nordwire", 1));
        await _client.PublishAsync(Report("a2", "tass", 2));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).Count == 3, "two stories and the event wait for the digest");
        Assert.Empty(_plain.Received);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await Eventually.HoldsAsync(() => !_plain.Received.IsEmpty && !_gated.Received.IsEmpty, "the digest is sent at 07:00");
        await Task.Delay(300, Ct);

        static List<string?> Stories(WebhookReceiver receiver) => Assert.Single(Bodies(receiver)).GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("storyId").GetString()).Order().ToList();
        Assert.Equal(["story-a1", "story-a2"], Stories(_plain));
        Assert.Equal(["event:NOR-RUS-17-20240516T0000"], Stories(_gated));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).All(a => a.DeliveryStatus == DeliveryStatus.Delivered), "every alert is delivered");
    }

    [Theory]
    [InlineData(1, "minOutlets is 1")]
    [InlineData(51, "from 2 to 50")]
    public async Task A_gate_out_of_range_is_refused_with_what_it_means(int minOutlets, string detail)
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");

        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", new
        {
            name = "x", query = "event:17", channels = new object[] { new { type = "webhook", target = _gated.Url, minOutlets } },
        }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("independent outlets", problem.GetProperty("errors").GetProperty("channels")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_target_twice_with_different_gates_is_refused_and_a_gate_reads_back()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");

        using var twice = await analyst.PostAsJsonAsync("/api/subscriptions", new
        {
            name = "x", query = "event:17", channels = new object[] { new { type = "webhook", target = _gated.Url }, new { type = "webhook", target = _gated.Url, minOutlets = 3 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("listed twice", (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var created = await AlertClient.SubscribeAsync(analyst, new
        {
            name = "x", query = "event:17", channels = new object[] { new { type = "webhook", target = _plain.Url }, new { type = "webhook", target = _gated.Url, minOutlets = 3 } },
        });
        var id = created.GetProperty("subscriptionId").GetString();
        var stored = await analyst.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{id}", Ct);
        var channels = stored.GetProperty("channels").EnumerateArray().ToList();
        Assert.False(channels[0].TryGetProperty("minOutlets", out _));
        Assert.Equal(3, channels[1].GetProperty("minOutlets").GetInt32());
    }
}
