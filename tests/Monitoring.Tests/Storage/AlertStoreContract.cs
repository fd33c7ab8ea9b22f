using Monitoring.Alert.Alerts;
using Monitoring.Alert.Storage;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Storage;

/// <summary>What every <see cref="IAlertStore"/> must do: one alert per subscription and article, and a delivery claimed by one consumer at a time.</summary>
public abstract class AlertStoreContract
{
    protected abstract Task<IAlertStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AlertRecord Alert(string id, string subscription = "s1", string article = "a1", string analyst = "alice", int minute = 1) => new()
    {
        AlertId = id,
        SubscriptionId = subscription,
        AnalystId = analyst,
        ArticleId = article,
        StoryId = "story-" + article,
        Title = "Title",
        Url = "https://news.example/" + article,
        Topics = ["law-enforcement"],
        Countries = ["CHN", "RUS"],
        WebhookUrl = "https://hooks.example/x",
        ArticleIngestedAt = Times.At(0),
        RaisedAt = Times.At(minute),
    };

    [Fact]
    public async Task An_alert_reads_back_unchanged_for_its_owner_only()
    {
        var store = await CreateStoreAsync();
        var alert = Alert("al1");

        var (inserted, stored) = await store.TryInsertAsync(alert, Ct);

        Assert.True(inserted);
        Json.AssertEquivalent(alert, stored);
        Json.AssertEquivalent(alert, await store.GetAsync("alice", "al1", Ct));
        Assert.Null(await store.GetAsync("bob", "al1", Ct));
    }

    [Fact]
    public async Task A_subscription_gets_one_alert_per_article()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), Ct);

        var (inserted, existing) = await store.TryInsertAsync(Alert("al2"), Ct);
        var (otherArticle, _) = await store.TryInsertAsync(Alert("al3", article: "a2"), Ct);

        Assert.False(inserted);
        Assert.Equal("al1", existing.AlertId);
        Assert.True(otherArticle);
    }

    [Fact]
    public async Task Listing_is_the_owner_s_alerts_newest_first_up_to_the_limit()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1", article: "a1", minute: 1), Ct);
        await store.TryInsertAsync(Alert("al2", article: "a2", minute: 2), Ct);
        await store.TryInsertAsync(Alert("al3", article: "a3", minute: 3, analyst: "bob", subscription: "s9"), Ct);

        Assert.Equal(["al2", "al1"], (await store.ListAsync("alice", 10, Ct)).Select(a => a.AlertId));
        Assert.Equal(["al2"], (await store.ListAsync("alice", 1, Ct)).Select(a => a.AlertId));
    }

    [Fact]
    public async Task A_delivery_is_claimed_by_one_attempt_at_a_time_until_its_lease_expires()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), Ct);

        var first = await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        var whileLeased = await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        var afterLease = await store.TryClaimDeliveryAsync("al1", Times.At(12), Times.At(13), Ct);

        Assert.Equal(1, first?.DeliveryAttempts);
        Assert.Null(whileLeased);
        Assert.Equal(2, afterLease?.DeliveryAttempts);
    }

    [Fact]
    public async Task A_failed_attempt_releases_the_claim_and_a_delivered_alert_cannot_be_claimed_or_failed()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), Ct);

        await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        await store.CompleteDeliveryAsync("al1", DeliveryStatus.Pending, Times.At(10), "503 Service Unavailable", Ct);
        Assert.Equal("503 Service Unavailable", (await store.GetAsync("alice", "al1", Ct))!.LastError);

        Assert.NotNull(await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct));
        await store.CompleteDeliveryAsync("al1", DeliveryStatus.Delivered, Times.At(10), null, Ct);
        await store.MarkFailedAsync("al1", "late fault", Ct);

        var delivered = await store.GetAsync("alice", "al1", Ct);
        Assert.Equal(DeliveryStatus.Delivered, delivered!.DeliveryStatus);
        Assert.Equal(Times.At(10), delivered.DeliveredAt);
        Assert.Null(delivered.LastError);
        Assert.Null(await store.TryClaimDeliveryAsync("al1", Times.At(20), Times.At(21), Ct));
    }

    [Fact]
    public async Task A_pending_alert_whose_retries_are_spent_is_recorded_as_failed_with_the_error()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), Ct);

        await store.MarkFailedAsync("al1", "Connection refused", Ct);

        var failed = await store.GetAsync("alice", "al1", Ct);
        Assert.Equal(DeliveryStatus.Failed, failed!.DeliveryStatus);
        Assert.Equal("Connection refused", failed.LastError);
        Assert.Null(await store.TryClaimDeliveryAsync("al1", Times.At(20), Times.At(21), Ct));
    }
}

public sealed class SqliteAlertStoreTests : AlertStoreContract
{
    protected override async Task<IAlertStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteAlertStore>();
}

public sealed class MongoAlertStoreTests(MongoServer mongo) : AlertStoreContract
{
    protected override async Task<IAlertStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoAlertStore>(mongo);
}
