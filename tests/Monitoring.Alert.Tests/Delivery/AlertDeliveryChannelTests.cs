using Microsoft.AspNetCore.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Streaming;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Alert.Tests.Delivery;

/// <summary>
/// One alert per story, feedback, and every channel, on the in-memory bus against real receivers (HTTP, SMTP), with a
/// fake clock for digests and quiet hours.
/// </summary>
public sealed class AlertDeliveryChannelTests : IAsyncLifetime
{
    private const string AdminKey = "channels-admin";
    private static readonly DateTimeOffset Start = new(2024, 5, 16, 6, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private WebhookReceiver _receiver = null!;
    private SmtpReceiver _smtp = null!;
    private ServiceHost _alert = null!;
    private AlertClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _smtp = SmtpReceiver.Start();
        var settings = TestSettings.InMemory("channels");
        settings["Alert:AdminApiKey"] = AdminKey;
        settings["Safety:AllowedHosts:0"] = "127.0.0.1"; // the test webhook receiver listens on loopback
        settings["Alert:Smtp:Host"] = "127.0.0.1";
        settings["Alert:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Alert:Smtp:UseTls"] = "false";
        settings["Alert:Smtp:From"] = "alerts@monitoring.test";
        _alert = await ServiceHost.AlertAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(_clock));
        _client = new AlertClient(_alert, AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _alert.DisposeAsync();
        await _smtp.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Three_outlets_carrying_one_story_raise_one_alert_that_counts_them_and_is_delivered_once()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", query = "topic:diplomacy", webhookUrl = _receiver.Url });
        var (updates, _) = await _client.CreateAnalystAsync("B");
        await AlertClient.SubscribeAsync(updates, new { name = "Diplomacy, with updates", query = "topic:diplomacy", webhookUrl = _receiver.Url, notifyOnUpdates = true });

        foreach (var (id, outlet) in new[] { ("a1", "CGTN"), ("a2", "TASS"), ("a3", "Reuters") })
        {
            await _client.PublishAsync(AlertClient.Article(id, story: "story-1", source: outlet));
            await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(updates)).SingleOrDefault() is { } alert
                && alert.ArticleCount == int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) && alert.DeliveryStatus == DeliveryStatus.Delivered
                // The article is added, then the alert requeued: between the two it still reads as delivered.
                && _receiver.Received.Any(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("articleId").GetString() == id), $"{id} is counted and delivered");
        }

        var alert = Assert.Single(await AlertClient.AlertsAsync(analyst));
        Assert.Equal("story-1", alert.StoryId);
        Assert.Equal(3, alert.ArticleCount);
        Assert.Equal(["CGTN", "TASS", "Reuters"], alert.Outlets);
        Assert.Equal("a1", alert.ArticleId);
        Assert.Equal("a3", alert.LatestArticleId);

        var bodies = _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["a1"], bodies.Where(b => b.GetProperty("subscriptionId").GetString() == alert.SubscriptionId).Select(b => b.GetProperty("articleId").GetString()));
        var updateBodies = bodies.Where(b => b.GetProperty("subscriptionId").GetString() != alert.SubscriptionId).ToList();
        Assert.Equal(["a1", "a2", "a3"], updateBodies.Select(b => b.GetProperty("articleId").GetString()));
        Assert.Equal([1, 2, 3], updateBodies.Select(b => b.GetProperty("articleCount").GetInt32()));
    }

    [Fact]
    public async Task A_story_marked_not_relevant_is_recorded_and_raises_nothing_more()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", topics = new[] { "diplomacy" }, webhookUrl = _receiver.Url, notifyOnUpdates = true });
        await _client.PublishAsync(AlertClient.Article("a1", story: "story-1", source: "CGTN"));
        await Eventually.HoldsAsync(() => _receiver.Received.Count == 1, "the first article is delivered");
        var alertId = (await AlertClient.AlertsAsync(analyst)).Single().AlertId;

        using var feedback = await analyst.PostAsJsonAsync($"/api/alerts/{alertId}/feedback", new { relevant = false, comment = "a trade story" }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, feedback.StatusCode);
        await _client.PublishAsync(AlertClient.Article("a2", story: "story-1", source: "TASS"));
        await _client.PublishAsync(AlertClient.Article("b1", story: "story-2", source: "TASS"));
        await Eventually.HoldsAsync(() => _receiver.Received.Count == 2, "the other story is delivered");
        await Task.Delay(300, Ct);

        var alerts = await AlertClient.AlertsAsync(analyst);
        var dismissed = alerts.Single(a => a.AlertId == alertId);
        Assert.Equal(1, dismissed.ArticleCount);
        Assert.Equal(Start, dismissed.NotRelevantAt);
        Assert.Equal("a trade story", dismissed.FeedbackComment);
        Assert.Equal(["a1", "b1"], _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("articleId").GetString()));
    }

    [Fact]
    public async Task The_receiving_server_verifies_the_webhook_signature_with_the_secret_shown_at_creation()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        var created = await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", query = "topic:diplomacy", webhookUrl = _receiver.Url });
        var secret = created.GetProperty("signingSecret").GetString()!;
        var id = created.GetProperty("subscriptionId").GetString();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var shownLater = await analyst.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{id}", Ct);
        Assert.False(shownLater.TryGetProperty("signingSecret", out _), "the secret is shown once only");

        await _client.PublishAsync(AlertClient.Article("a1"));
        await Eventually.HoldsAsync(() => !_receiver.Received.IsEmpty, "the webhook is called");

        var delivery = Assert.Single(_receiver.Received);
        var timestamp = delivery.Headers[WebhookSignature.TimestampHeader];
        Assert.Equal(Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + delivery.Body)));
        Assert.Equal(expected, delivery.Headers[WebhookSignature.SignatureHeader]);
        var forged = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_wrong"), Encoding.UTF8.GetBytes(timestamp + "." + delivery.Body)));
        Assert.NotEqual(forged, delivery.Headers[WebhookSignature.SignatureHeader]);
    }

    [Fact]
    public async Task Slack_and_Teams_channels_get_payloads_their_incoming_webhooks_accept()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Diplomacy",
            query = "topic:diplomacy",
            channels = new object[] { new { type = "slack", target = _receiver.Url }, new { type = "teams", target = _receiver.Url } },
        });

        await _client.PublishAsync(AlertClient.Article("a1"));
        await Eventually.HoldsAsync(() => _receiver.Received.Count == 2, "both channels are called");

        var bodies = _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var slack = Assert.Single(bodies, b => b.TryGetProperty("blocks", out _));
        Assert.Contains("Title a1", slack.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("section", slack.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Contains("<https://news.example/a1|Title a1>", slack.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        var teams = Assert.Single(bodies, b => b.TryGetProperty("@type", out _));
        Assert.Equal("MessageCard", teams.GetProperty("@type").GetString());
        Assert.Equal("Title a1", teams.GetProperty("sections")[0].GetProperty("activityTitle").GetString());
    }

    [Fact]
    public async Task A_slack_send_that_failed_is_made_again_on_the_retry_and_then_recorded_once()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", query = "topic:diplomacy", channels = new object[] { new { type = "slack", target = _receiver.Url } } });
        _receiver.StatusCode = StatusCodes.Status500InternalServerError;

        await _client.PublishAsync(AlertClient.Article("a1"));
        await Eventually.HoldsAsync(() => !_receiver.Received.IsEmpty, "Slack is called and answers 500");
        _receiver.StatusCode = StatusCodes.Status200OK;

        // Slack is marked before its send (no idempotency key there): the failed send must have unmarked it, or the retry would skip it.
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).Single().DeliveryStatus == DeliveryStatus.Delivered, "the retry delivers");
        var alert = (await AlertClient.AlertsAsync(analyst)).Single();
        Assert.True(_receiver.Received.Count >= 2, $"{_receiver.Received.Count} call(s) to Slack");
        Assert.Equal([$"slack:{_receiver.Url}"], alert.DeliveredChannels);
    }

    [Fact]
    public async Task An_email_channel_sends_the_alert_through_smtp_with_subject_and_body()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new { name = "China watch", query = "country:CHN", channels = new[] { new { type = "email", target = "ana@example.org" } } });

        await _client.PublishAsync(AlertClient.Article("a1"));
        await Eventually.HoldsAsync(() => !_smtp.Messages.IsEmpty, "the SMTP server receives the e-mail");

        var message = Assert.Single(_smtp.Messages);
        Assert.Equal("[Monitoring] China watch: Title a1", message.Subject);
        Assert.Equal("ana@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("alerts@monitoring.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("Title a1\nhttps://news.example/a1\nTopics: diplomacy\nCountries: CHN", message.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).Single().DeliveryStatus == DeliveryStatus.Delivered, "recorded as delivered");
    }

    [Fact]
    public async Task The_live_stream_sends_the_analyst_s_alerts_as_server_sent_events_and_no_one_else_s()
    {
        var (analyst, analystId) = await _client.CreateAnalystAsync("A");
        var (other, _) = await _client.CreateAnalystAsync("B");
        await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", query = "topic:diplomacy" });
        await AlertClient.SubscribeAsync(other, new { name = "Sanctions", query = "topic:sanctions" });

        using var response = await analyst.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var reader = new StreamReader(stream);
        var streams = _alert.Services.GetRequiredService<AlertStream>();
        await Eventually.HoldsAsync(() => streams.ListenerCount(analystId) == 1, "the listener is registered");

        await _client.PublishAsync(AlertClient.Article("s1", topic: "sanctions"));
        await _client.PublishAsync(AlertClient.Article("d1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var lines = new List<string>();
        while (!lines.Any(l => l.StartsWith("data:", StringComparison.Ordinal)))
        {
            lines.Add(await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException());
        }

        Assert.Contains("event: alert", lines);
        var data = JsonDocument.Parse(lines.Single(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..]).RootElement;
        Assert.Equal("d1", data.GetProperty("articleId").GetString());
        Assert.Equal(analystId, data.GetProperty("analystId").GetString());
    }

    [Fact]
    public async Task The_instance_consumes_alerts_for_the_live_stream_only_while_a_listener_listens()
    {
        var (analyst, analystId) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", query = "topic:diplomacy" });
        var feed = _alert.Services.GetRequiredKeyedService<OnDemandEndpoint>(AlertStream.Feed);
        var streams = _alert.Services.GetRequiredService<AlertStream>();

        // Raised with nobody listening: stored, and nothing consumes it for the stream.
        await _client.PublishAsync(AlertClient.Article("d0"));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).Count == 1, "the alert is raised");
        Assert.Null(feed.QueueName);

        using (var response = await analyst.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            // The headers come once the instance consumes: an alert raised now reaches the listener.
            Assert.NotNull(feed.QueueName);
            Assert.Equal(1, streams.ListenerCount(analystId));
        }

        await Eventually.HoldsAsync(() => feed.QueueName is null && streams.ListenerCount(analystId) == 0, "the endpoint stops with its last listener");
    }

    [Fact]
    public async Task An_hourly_digest_goes_out_once_at_the_end_of_the_hour_listing_each_story_once()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new { name = "Digest", query = "topic:diplomacy", webhookUrl = _receiver.Url, schedule = new { kind = "hourly" }, notifyOnUpdates = true });

        await _client.PublishAsync(AlertClient.Article("a1", story: "story-1", source: "CGTN"));
        await _client.PublishAsync(AlertClient.Article("a2", story: "story-1", source: "TASS"));
        await _client.PublishAsync(AlertClient.Article("b1", story: "story-2"));
        await _client.PublishAsync(AlertClient.Article("c1", story: "story-3"));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)) is { Count: 3 } alerts && alerts.Sum(a => a.ArticleCount) == 4, "three stories, four articles");
        Assert.All(await AlertClient.AlertsAsync(analyst), a => Assert.Equal((DeliveryStatus.Scheduled, new DateTimeOffset(2024, 5, 16, 7, 0, 0, TimeSpan.Zero)), (a.DeliveryStatus, a.DueAt)));

        _clock.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(500, Ct);
        Assert.Empty(_receiver.Received);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => !_receiver.Received.IsEmpty, "the digest is sent at 07:00");
        _clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(500, Ct);

        var digest = JsonDocument.Parse(Assert.Single(_receiver.Received).Body).RootElement;
        Assert.Equal("digest", digest.GetProperty("kind").GetString());
        Assert.Equal(["story-1", "story-2", "story-3"], digest.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("storyId").GetString()).Order());
        Assert.Equal(2, digest.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("storyId").GetString() == "story-1").GetProperty("articleCount").GetInt32());
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).All(a => a.DeliveryStatus == DeliveryStatus.Delivered), "every alert is delivered");
    }

    [Fact]
    public async Task A_daily_digest_by_email_lists_each_story_once_at_the_local_time_asked_for()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Morning brief", query = "topic:diplomacy", channels = new[] { new { type = "email", target = "ana@example.org" } },
            schedule = new { kind = "daily", at = "08:00", timeZone = "Europe/Paris" },
        });

        await _client.PublishAsync(AlertClient.Article("a1", story: "story-1"));
        await _client.PublishAsync(AlertClient.Article("b1", story: "story-2"));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(analyst)).Count == 2, "two alerts");

        // 06:30 UTC is 08:30 in Paris (summer time): the next digest is tomorrow at 08:00 Paris, 06:00 UTC.
        Assert.All(await AlertClient.AlertsAsync(analyst), a => Assert.Equal(new DateTimeOffset(2024, 5, 17, 6, 0, 0, TimeSpan.Zero), a.DueAt));
        _clock.Advance(TimeSpan.FromHours(23.5));
        await Eventually.HoldsAsync(() => !_smtp.Messages.IsEmpty, "the digest e-mail arrives");

        var message = Assert.Single(_smtp.Messages);
        Assert.Equal("[Monitoring] Morning brief: digest, 2 stories until 2024-05-17 06:00 UTC", message.Subject);
        Assert.Equal(1, CountOf(message.TextBody, "Title a1"));
        Assert.Equal(1, CountOf(message.TextBody, "Title b1"));
    }

    [Fact]
    public async Task In_quiet_hours_only_urgent_alerts_go_out_and_the_rest_follow_when_they_end()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        await AlertClient.SubscribeAsync(analyst, new
        {
            name = "Quiet nights", query = "topic:diplomacy", webhookUrl = _receiver.Url, urgentQuery = "explosion OR \"state of emergency\"",
            quietHours = new { from = "06:00", to = "07:15", timeZone = "Etc/UTC" },
        });

        await _client.PublishAsync(AlertClient.Article("calm", text: "Diplomats met for routine talks."));
        await _client.PublishAsync(AlertClient.Article("urgent", text: "An explosion hit the embassy district."));
        await Eventually.HoldsAsync(() => !_receiver.Received.IsEmpty, "the urgent alert is delivered at once");
        await Task.Delay(500, Ct);
        Assert.Equal(["urgent"], _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("articleId").GetString()));
        var held = (await AlertClient.AlertsAsync(analyst)).Single(a => a.ArticleId == "calm");
        Assert.Equal((DeliveryStatus.Scheduled, new DateTimeOffset(2024, 5, 16, 7, 15, 0, TimeSpan.Zero)), (held.DeliveryStatus, held.DueAt));

        _clock.Advance(TimeSpan.FromMinutes(45));
        await Eventually.HoldsAsync(() => _receiver.Received.Count == 2, "the held alert follows at 07:15");
        Assert.Equal(["urgent", "calm"], _receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("articleId").GetString()));
        Assert.True(JsonDocument.Parse(_receiver.Received.First().Body).RootElement.GetProperty("urgent").GetBoolean());
    }

    private static int CountOf(string? text, string value) => text is null ? 0 : (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
