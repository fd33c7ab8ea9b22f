using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Delivery;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Delivery;

/// <summary>Matching and webhook delivery in the alert service, on the in-memory bus, against a real HTTP receiver.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string AdminKey = "delivery-admin";
    private WebhookReceiver _receiver = null!;
    private ServiceHost _alert = null!;
    private HttpClient _analyst = null!;
    private string _analystId = null!;
    private string _subscriptionId = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        var settings = TestSettings.InMemory("delivery");
        settings["Alert:AdminApiKey"] = AdminKey;
        settings["Safety:AllowedHosts:0"] = "127.0.0.1"; // the test webhook receiver listens on loopback
        _alert = await ServiceHost.AlertAsync(settings);

        using var admin = new HttpClient { BaseAddress = _alert.Address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var created = await (await admin.PostAsJsonAsync("/api/analysts", new { name = "A" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        _analyst = new HttpClient { BaseAddress = _alert.Address };
        _analyst.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("apiKey").GetString());
        _analystId = created.GetProperty("analystId").GetString()!;
        var subscription = await _analyst.PostAsJsonAsync("/api/subscriptions", new { name = "Diplomacy", topics = new[] { "diplomacy" }, webhookUrl = _receiver.Url }, Ct);
        subscription.EnsureSuccessStatusCode();
        _subscriptionId = (await subscription.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subscriptionId").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _analyst.Dispose();
        await _alert.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_matching_article_is_posted_to_the_webhook_once_even_when_classified_twice()
    {
        var article = Article("a1", "diplomacy");

        await PublishAsync(article);
        await Eventually.HoldsAsync(async () => (await AlertsAsync()).SingleOrDefault()?.DeliveryStatus == DeliveryStatus.Delivered, "the alert is delivered");
        await PublishAsync(article);
        await PublishAsync(Article("a2", "sport"));
        await Task.Delay(1000, Ct);

        var delivery = Assert.Single(_receiver.Received);
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal(alert.AlertId, delivery.Headers[AlertDeliverer.AlertIdHeader]);
        using var payload = JsonDocument.Parse(delivery.Body);
        Assert.Equal("a1", payload.RootElement.GetProperty("articleId").GetString());
        Assert.Equal("Title a1", payload.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_receiver_that_stays_down_gets_every_retry_and_the_alert_is_recorded_as_failed()
    {
        _receiver.StatusCode = 503;

        await PublishAsync(Article("a1", "diplomacy"));

        await Eventually.HoldsAsync(async () => (await AlertsAsync()).SingleOrDefault()?.DeliveryStatus == DeliveryStatus.Failed, "the alert is recorded as failed");
        var alert = Assert.Single(await AlertsAsync());
        Assert.Contains("503", alert.LastError, StringComparison.Ordinal);
        Assert.Equal(3, alert.DeliveryAttempts);
        Assert.Equal(3, _receiver.Received.Count);
    }

    [Fact]
    public async Task A_receiver_that_recovers_gets_the_alert_on_a_retry()
    {
        _receiver.StatusCode = 500;
        await PublishAsync(Article("a1", "diplomacy"));
        await Eventually.HoldsAsync(() => !_receiver.Received.IsEmpty, "the first attempt arrives");
        _receiver.StatusCode = 204;

        await Eventually.HoldsAsync(async () => (await AlertsAsync()).SingleOrDefault()?.DeliveryStatus == DeliveryStatus.Delivered, "the alert is delivered");
        Assert.Null((await AlertsAsync()).Single().LastError);
    }

    [Fact]
    public async Task A_webhook_sent_while_the_delivery_is_being_cancelled_is_recorded_and_not_sent_again()
    {
        // As when the broker connection drops mid-delivery: the consumer's token is cancelled once the receiver has the alert.
        var store = _alert.Services.GetRequiredService<IAlertStore>();
        var pending = new AlertRecord
        {
            AlertId = "cancelled-after-send", SubscriptionId = _subscriptionId, AnalystId = _analystId, StoryId = "s1", ArticleId = "a1",
            Topics = ["diplomacy"], Countries = [], ArticleIngestedAt = Times.At(0), RaisedAt = Times.At(1), DeliveryStatus = DeliveryStatus.Pending,
        };
        Assert.True((await store.TryInsertAsync(pending, null, Ct)).Inserted);
        using var consumer = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        _receiver.OnReceived = consumer.Cancel;

        await using (var scope = _alert.Services.CreateAsyncScope())
        {
            var deliverer = scope.ServiceProvider.GetRequiredService<AlertDeliverer>();
            await deliverer.DeliverAsync(Raised(pending), consumer.Token);
        }

        var stored = await store.GetAsync(_analystId, pending.AlertId, Ct);
        Assert.Equal(DeliveryStatus.Delivered, stored?.DeliveryStatus);
        Assert.Null(await store.TryClaimDeliveryAsync(pending.AlertId, DateTimeOffset.MaxValue.AddDays(-1), DateTimeOffset.MaxValue, Ct));
        Assert.Single(_receiver.Received);
    }

    private static AlertRaised Raised(AlertRecord alert) => new()
    {
        AlertId = alert.AlertId, SubscriptionId = alert.SubscriptionId, AnalystId = alert.AnalystId, ArticleId = alert.ArticleId, StoryId = alert.StoryId,
        Topics = alert.Topics, Countries = alert.Countries, ArticleIngestedAt = alert.ArticleIngestedAt, RaisedAt = alert.RaisedAt,
    };

    private Task PublishAsync(ArticleClassified article) => _alert.Services.GetRequiredService<IBus>().Publish(article, Ct);

    private async Task<List<AlertRecord>> AlertsAsync() => (await _analyst.GetFromJsonAsync<List<AlertRecord>>("/api/alerts", Ct))!;

    private static ArticleClassified Article(string id, string topic) => new()
    {
        ArticleId = id,
        StoryId = id,
        Title = "Title " + id,
        Text = "Text " + id,
        Language = "en",
        IngestedAt = Times.At(0),
        ClassifiedAt = Times.At(1),
        Topics = [new TopicScore { Id = topic, Score = 5 }],
        Countries = [],
    };
}
