using Monitoring.Alert.Alerts;
using Monitoring.Alert.Storage;

namespace Monitoring.Alert.Tests.Storage;

/// <summary>What every <see cref="IAlertStore"/> must do: one alert per subscription and article, and a delivery claimed by one consumer at a time.</summary>
public abstract class AlertStoreContract
{
    protected abstract Task<IAlertStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AlertRecord Alert(string id, string subscription = "s1", string article = "a1", string analyst = "alice", int minute = 1, string? story = null) => new()
    {
        AlertId = id,
        SubscriptionId = subscription,
        AnalystId = analyst,
        ArticleId = article,
        StoryId = story ?? "story-" + article,
        Outlets = ["Outlet A"],
        Title = "Title",
        Url = "https://news.example/" + article,
        Topics = ["law-enforcement"],
        Countries = ["CHN", "RUS"],
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
    public async Task A_subscription_gets_one_alert_per_story()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1", story: "st1"), Ct);

        var (inserted, existing) = await store.TryInsertAsync(Alert("al2", article: "a2", story: "st1"), Ct);
        var (otherStory, _) = await store.TryInsertAsync(Alert("al3", article: "a3", story: "st2"), Ct);
        var (otherSubscription, _) = await store.TryInsertAsync(Alert("al4", subscription: "s2", story: "st1"), Ct);

        Assert.False(inserted);
        Assert.Equal("al1", existing.AlertId);
        Assert.True(otherStory);
        Assert.True(otherSubscription);
    }

    [Fact]
    public async Task Further_articles_of_the_story_are_counted_once_each_with_distinct_outlets_and_the_latest_article()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), Ct);

        var second = await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", "https://b.example/2", Times.At(5)), Ct);
        var again = await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", "https://b.example/2", Times.At(6)), Ct);
        var first = await store.AddArticleAsync("al1", new StoryArticle("a1", "Outlet A", "Title", null, Times.At(6)), Ct);
        var third = await store.AddArticleAsync("al1", new StoryArticle("a3", "Outlet A", "Third", "https://a.example/3", Times.At(7)), Ct);

        Assert.Equal(2, second!.ArticleCount);
        Assert.Null(again);
        Assert.Null(first);
        Assert.Equal(3, third!.ArticleCount);
        Assert.Equal(["Outlet A", "Outlet B"], third.Outlets);
        Assert.Equal("a3", third.LatestArticleId);
        Assert.Equal("Third", third.LatestTitle);
        Assert.Equal(Times.At(7), third.UpdatedAt);
        Json.AssertEquivalent(third, await store.GetAsync("alice", "al1", Ct));
    }

    [Fact]
    public async Task A_story_marked_not_relevant_by_its_owner_takes_no_further_articles_and_is_not_requeued()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1") with { DeliveryStatus = DeliveryStatus.Delivered }, Ct);

        Assert.False(await store.MarkNotRelevantAsync("bob", "al1", "mine now", Times.At(3), Ct));
        Assert.True(await store.MarkNotRelevantAsync("alice", "al1", "sports, not security", Times.At(3), Ct));

        Assert.Null(await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", null, Times.At(5)), Ct));
        Assert.Null(await store.RequeueAsync("al1", DeliveryStatus.Pending, null, Ct));
        var alert = await store.GetAsync("alice", "al1", Ct);
        Assert.Equal(Times.At(3), alert!.NotRelevantAt);
        Assert.Equal("sports, not security", alert.FeedbackComment);
        Assert.Equal(1, alert.ArticleCount);
    }

    [Fact]
    public async Task A_delivered_alert_is_requeued_for_an_update_with_its_channels_and_attempts_reset()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), Ct);
        await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        await store.MarkChannelDeliveredAsync("al1", "webhook:https://hooks.example/x", Ct);
        await store.MarkChannelDeliveredAsync("al1", "webhook:https://hooks.example/x", Ct);
        Assert.Equal(["webhook:https://hooks.example/x"], (await store.GetAsync("alice", "al1", Ct))!.DeliveredChannels);
        Assert.Null(await store.RequeueAsync("al1", DeliveryStatus.Pending, null, Ct));
        await store.CompleteDeliveryAsync("al1", DeliveryStatus.Delivered, Times.At(10), null, Ct);

        var requeued = await store.RequeueAsync("al1", DeliveryStatus.Scheduled, Times.At(60), Ct);

        Assert.Equal(DeliveryStatus.Scheduled, requeued!.DeliveryStatus);
        Assert.Equal(Times.At(60), requeued.DueAt);
        Assert.Empty(requeued.DeliveredChannels);
        Assert.Equal(0, requeued.DeliveryAttempts);
    }

    [Fact]
    public async Task Scheduled_alerts_are_released_once_when_due_and_not_before()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1", article: "a1") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(60) }, Ct);
        await store.TryInsertAsync(Alert("al2", article: "a2") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(30) }, Ct);
        await store.TryInsertAsync(Alert("al3", article: "a3") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(120) }, Ct);

        Assert.Empty(await store.ReleaseDueAsync(Times.At(29), 10, Ct));
        var released = await store.ReleaseDueAsync(Times.At(60), 10, Ct);
        var again = await store.ReleaseDueAsync(Times.At(60), 10, Ct);

        Assert.Equal(["al2", "al1"], released.Select(a => a.AlertId));
        Assert.All(released, a => Assert.Equal(DeliveryStatus.Pending, a.DeliveryStatus));
        Assert.Empty(again);
        Assert.NotNull(await store.TryClaimDeliveryAsync("al1", Times.At(61), Times.At(62), Ct));
        Assert.Null(await store.TryClaimDeliveryAsync("al3", Times.At(61), Times.At(62), Ct));
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
