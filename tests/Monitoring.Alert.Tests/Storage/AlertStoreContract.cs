using Monitoring.Alert;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Storage;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Tests.Storage;

/// <summary>What every <see cref="IAlertStore"/> must do: one alert per subscription and article, and a delivery claimed by one consumer at a time.</summary>
public abstract class AlertStoreContract
{
    protected abstract Task<IAlertStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<IReadOnlyList<OutboxMessage>> Nothing(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>([]);

    private static AlertRequeue Requeue(DeliveryStatus status, DateTimeOffset? dueAt) => new(status, dueAt, Times.At(20), Nothing);

    private static AnnounceAlerts Each(List<string> announced) => (alerts, _) =>
    {
        announced.AddRange(alerts.Select(a => a.AlertId));
        return Task.FromResult<IReadOnlyList<OutboxMessage>>(alerts.Select(a => OutboxMessage.For(new Announced(a.AlertId), Times.At(50))).ToList());
    };

    private static async Task<List<string>> AnnouncedAsync(IAlertStore store) =>
        (await StoreFactory.OutboxOf(store, AlertOutbox.Name).PendingAsync(DateTimeOffset.MaxValue, 100, Ct))
            .Select(m => ((Announced)m.Deserialize(out _)).Id).Order().ToList();

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

        var (inserted, stored) = await store.TryInsertAsync(alert, null, Ct);

        Assert.True(inserted);
        Json.AssertEquivalent(alert, stored);
        Json.AssertEquivalent(alert, await store.GetAsync("alice", "al1", Ct));
        Assert.Null(await store.GetAsync("bob", "al1", Ct));
    }

    [Fact]
    public async Task A_corroborated_event_alert_reads_back_with_its_provenance_and_once_per_event()
    {
        var store = await CreateStoreAsync();
        var report = new Contracts.CorroboratingReport
        {
            Outlet = "tass", ArticleId = "a2", StoryId = "story-a2", Title = "Title", Url = "https://news.example/a2", Cameo = "174", ReportedAt = Times.At(2),
            Syndicated = true, StateAffiliated = true, OutletCountry = "RUS", Ownership = "state",
        };
        var alert = Alert("al1", story: "event:NOR-RUS-17-20240516T0000") with
        {
            Corroboration = new Contracts.EventCorroboration
            {
                EventId = "NOR-RUS-17-20240516T0000", Source = "NOR", Target = "RUS", Root = "17", WindowStart = Times.At(0), WindowEnd = Times.At(60 * 24),
                IndependentOutlets = 3, Required = 3, Reports = [report with { Syndicated = false, StateAffiliated = null, OutletCountry = null, Ownership = null }, report],
                Denials = [report with { Cameo = "016" }], Disputed = true,
            },
        };

        await store.TryInsertAsync(alert, null, Ct);
        var (again, existing) = await store.TryInsertAsync(alert with { AlertId = "al2", ArticleId = "a9" }, null, Ct);

        Assert.False(again);
        Assert.Equal("al1", existing.AlertId);
        Json.AssertSameInstants(alert, await store.GetAsync("alice", "al1", Ct));
    }

    [Fact]
    public async Task A_later_provenance_requeues_a_finished_event_alert_keeping_the_channels_it_reached()
    {
        var store = await CreateStoreAsync();
        var first = new Contracts.EventCorroboration
        {
            EventId = "NOR-RUS-17-20240516T0000", Source = "NOR", Target = "RUS", Root = "17", WindowStart = Times.At(0), WindowEnd = Times.At(60 * 24),
            IndependentOutlets = 2, Required = 2, Reports = [],
        };
        var later = first with { IndependentOutlets = 3 };
        await store.TryInsertAsync(Alert("al1", story: "event:" + first.EventId) with { Corroboration = first }, null, Ct);
        await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        await store.MarkChannelDeliveredAsync("al1", "webhook:https://hooks.example/plain", Ct);

        // While a delivery holds it, the provenance is updated but the alert is not requeued (the deliverer catches up after).
        var whileDelivering = await store.UpdateCorroborationAsync("al1", later, ["nordwire", "tass", "reuters"], Requeue(DeliveryStatus.Pending, null), Ct);
        Assert.Equal((3, DeliveryStatus.Pending, 1), (whileDelivering!.Corroboration!.IndependentOutlets, whileDelivering.DeliveryStatus, whileDelivering.DeliveryAttempts));
        await store.CompleteDeliveryAsync("al1", DeliveryStatus.Delivered, Times.At(12), null, Ct);

        var announced = new List<string>();
        var requeued = await store.UpdateCorroborationAsync(
            "al1", later with { IndependentOutlets = 4 }, ["nordwire", "tass", "reuters", "bbc"], new AlertRequeue(DeliveryStatus.Pending, null, Times.At(20), Each(announced)), Ct);

        Assert.Equal((4, DeliveryStatus.Pending, 0), (requeued!.Corroboration!.IndependentOutlets, requeued.DeliveryStatus, requeued.DeliveryAttempts));
        Assert.Equal(["webhook:https://hooks.example/plain"], requeued.DeliveredChannels);
        Assert.Equal(["nordwire", "tass", "reuters", "bbc"], requeued.Outlets);
        Assert.Equal(["al1"], announced);
        Assert.Equal(["al1"], await AnnouncedAsync(store));
        Assert.NotNull(await store.TryClaimDeliveryAsync("al1", Times.At(21), Times.At(22), Ct));

        Assert.True(await store.MarkNotRelevantAsync("alice", "al1", null, Times.At(30), Ct));
        Assert.Null(await store.UpdateCorroborationAsync("al1", later, [], Requeue(DeliveryStatus.Pending, null), Ct));
        Assert.Null(await store.UpdateCorroborationAsync("nope", later, [], Requeue(DeliveryStatus.Pending, null), Ct));
    }

    [Fact]
    public async Task An_alert_is_marked_read_once_and_unread_again_by_its_owner_only()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), null, Ct);

        Assert.True(await store.MarkReadAsync("alice", "al1", Times.At(5), Ct));
        Assert.True(await store.MarkReadAsync("alice", "al1", Times.At(9), Ct));
        Assert.Equal(Times.At(5), (await store.GetAsync("alice", "al1", Ct))!.ReadAt);
        Assert.False(await store.MarkReadAsync("bob", "al1", null, Ct));
        Assert.False(await store.MarkReadAsync("alice", "nope", Times.At(5), Ct));
        Assert.Equal(Times.At(5), (await store.ListAsync("alice", new PageRequest(10), Ct)).Items.Single().ReadAt);

        Assert.True(await store.MarkReadAsync("alice", "al1", null, Ct));
        Assert.Null((await store.GetAsync("alice", "al1", Ct))!.ReadAt);
    }

    [Fact]
    public async Task A_subscription_gets_one_alert_per_story()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1", story: "st1"), null, Ct);

        var (inserted, existing) = await store.TryInsertAsync(Alert("al2", article: "a2", story: "st1"), null, Ct);
        var (otherStory, _) = await store.TryInsertAsync(Alert("al3", article: "a3", story: "st2"), null, Ct);
        var (otherSubscription, _) = await store.TryInsertAsync(Alert("al4", subscription: "s2", story: "st1"), null, Ct);

        Assert.False(inserted);
        Assert.Equal("al1", existing.AlertId);
        Assert.True(otherStory);
        Assert.True(otherSubscription);
    }

    [Fact]
    public async Task Further_articles_of_the_story_are_counted_once_each_with_distinct_outlets_and_the_latest_article()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), null, Ct);

        var second = await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", "https://b.example/2", Times.At(5)), null, Ct);
        var again = await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", "https://b.example/2", Times.At(6)), null, Ct);
        var first = await store.AddArticleAsync("al1", new StoryArticle("a1", "Outlet A", "Title", null, Times.At(6)), null, Ct);
        var third = await store.AddArticleAsync("al1", new StoryArticle("a3", "Outlet A", "Third", "https://a.example/3", Times.At(7)), null, Ct);

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
        await store.TryInsertAsync(Alert("al1") with { DeliveryStatus = DeliveryStatus.Delivered }, null, Ct);

        Assert.False(await store.MarkNotRelevantAsync("bob", "al1", "mine now", Times.At(3), Ct));
        Assert.True(await store.MarkNotRelevantAsync("alice", "al1", "sports, not security", Times.At(3), Ct));

        Assert.Null(await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", null, Times.At(5)), Requeue(DeliveryStatus.Pending, null), Ct));
        var alert = await store.GetAsync("alice", "al1", Ct);
        Assert.Equal(Times.At(3), alert!.NotRelevantAt);
        Assert.Equal("sports, not security", alert.FeedbackComment);
        Assert.Equal(1, alert.ArticleCount);
    }

    [Fact]
    public async Task A_channel_marked_before_a_send_that_failed_is_forgotten_and_the_others_stay()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), null, Ct);
        await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        await store.MarkChannelDeliveredAsync("al1", "webhook:https://hooks.example/x", Ct);
        await store.MarkChannelDeliveredAsync("al1", "slack:https://hooks.slack.example/y", Ct);

        await store.UnmarkChannelDeliveredAsync("al1", "slack:https://hooks.slack.example/y", Ct);
        await store.UnmarkChannelDeliveredAsync("al1", "teams:never-marked", Ct);

        Assert.Equal(["webhook:https://hooks.example/x"], (await store.GetAsync("alice", "al1", Ct))!.DeliveredChannels);
    }

    [Fact]
    public async Task A_delivered_alert_is_requeued_for_an_update_with_its_channels_and_attempts_reset()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), null, Ct);
        await store.TryClaimDeliveryAsync("al1", Times.At(10), Times.At(11), Ct);
        await store.MarkChannelDeliveredAsync("al1", "webhook:https://hooks.example/x", Ct);
        await store.MarkChannelDeliveredAsync("al1", "webhook:https://hooks.example/x", Ct);
        Assert.Equal(["webhook:https://hooks.example/x"], (await store.GetAsync("alice", "al1", Ct))!.DeliveredChannels);

        // While a delivery holds it, an update is counted but not sent again (the delivery under way carries it).
        var whileDelivering = await store.AddArticleAsync("al1", new StoryArticle("a2", "Outlet B", "Second", null, Times.At(10)), Requeue(DeliveryStatus.Pending, null), Ct);
        Assert.Equal((2, DeliveryStatus.Pending, 1), (whileDelivering!.ArticleCount, whileDelivering.DeliveryStatus, whileDelivering.DeliveryAttempts));
        await store.CompleteDeliveryAsync("al1", DeliveryStatus.Delivered, Times.At(10), null, Ct);

        var requeued = await store.AddArticleAsync("al1", new StoryArticle("a3", "Outlet C", "Third", null, Times.At(20)), Requeue(DeliveryStatus.Scheduled, Times.At(60)), Ct);

        Assert.Equal(3, requeued!.ArticleCount);
        Assert.Equal(DeliveryStatus.Scheduled, requeued.DeliveryStatus);
        Assert.Equal(Times.At(60), requeued.DueAt);
        Assert.Empty(requeued.DeliveredChannels);
        Assert.Equal(0, requeued.DeliveryAttempts);
    }

    [Fact]
    public async Task Scheduled_alerts_are_released_once_when_due_and_not_before()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1", article: "a1") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(60) }, null, Ct);
        await store.TryInsertAsync(Alert("al2", article: "a2") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(30) }, null, Ct);
        await store.TryInsertAsync(Alert("al3", article: "a3") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(120) }, null, Ct);

        Assert.Empty(await store.ReleaseDueAsync(Times.At(29), 10, Nothing, Ct));
        var released = await store.ReleaseDueAsync(Times.At(60), 10, Nothing, Ct);
        var again = await store.ReleaseDueAsync(Times.At(60), 10, Nothing, Ct);

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
        await store.TryInsertAsync(Alert("al1", article: "a1", minute: 1), null, Ct);
        await store.TryInsertAsync(Alert("al2", article: "a2", minute: 2), null, Ct);
        await store.TryInsertAsync(Alert("al3", article: "a3", minute: 3, analyst: "bob", subscription: "s9"), null, Ct);

        Assert.Equal(["al2", "al1"], (await store.ListAsync("alice", new PageRequest(10), Ct)).Items.Select(a => a.AlertId));
        Assert.Equal(["al2"], (await store.ListAsync("alice", new PageRequest(1), Ct)).Items.Select(a => a.AlertId));
    }

    [Fact]
    public async Task A_delivery_is_claimed_by_one_attempt_at_a_time_until_its_lease_expires()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1"), null, Ct);

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
        await store.TryInsertAsync(Alert("al1"), null, Ct);

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
        await store.TryInsertAsync(Alert("al1"), null, Ct);

        await store.MarkFailedAsync("al1", "Connection refused", Ct);

        var failed = await store.GetAsync("alice", "al1", Ct);
        Assert.Equal(DeliveryStatus.Failed, failed!.DeliveryStatus);
        Assert.Equal("Connection refused", failed.LastError);
        Assert.Null(await store.TryClaimDeliveryAsync("al1", Times.At(20), Times.At(21), Ct));
    }

    [Fact]
    public async Task An_alert_and_its_announcement_are_written_together_and_a_duplicate_writes_neither()
    {
        var store = await CreateStoreAsync();

        await store.TryInsertAsync(Alert("al1", story: "st1"), OutboxMessage.For(new Announced("al1"), Times.At(1)), Ct);
        await store.TryInsertAsync(Alert("al1b", article: "a2", story: "st1"), OutboxMessage.For(new Announced("al1b"), Times.At(2)), Ct);
        await store.TryInsertAsync(Alert("al2", article: "a3", story: "st2") with { DeliveryStatus = DeliveryStatus.Scheduled }, null, Ct);

        Assert.Equal(["al1"], await AnnouncedAsync(store));
    }

    [Fact]
    public async Task Releasing_and_requeueing_write_their_announcements_in_the_same_transaction()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1", article: "a1") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(30) }, null, Ct);
        await store.TryInsertAsync(Alert("al2", article: "a2") with { DeliveryStatus = DeliveryStatus.Delivered }, null, Ct);
        var announced = new List<string>();

        await store.ReleaseDueAsync(Times.At(31), 10, Each(announced), Ct);
        await store.ReleaseDueAsync(Times.At(32), 10, Each(announced), Ct);
        await store.AddArticleAsync("al2", new StoryArticle("b2", "Outlet B", null, null, Times.At(33)), new AlertRequeue(DeliveryStatus.Pending, null, Times.At(33), Each(announced)), Ct);
        await store.AddArticleAsync("al2", new StoryArticle("b2", "Outlet B", null, null, Times.At(34)), new AlertRequeue(DeliveryStatus.Pending, null, Times.At(34), Each(announced)), Ct);

        Assert.Equal(["al1", "al2"], announced);
        Assert.Equal(["al1", "al2"], await AnnouncedAsync(store));
    }

    [Fact]
    public async Task A_failing_announcement_rolls_the_release_back()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("al1") with { DeliveryStatus = DeliveryStatus.Scheduled, DueAt = Times.At(30) }, null, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.ReleaseDueAsync(Times.At(31), 10, (_, _) => throw new InvalidOperationException("the process died here"), Ct));

        Assert.Equal(DeliveryStatus.Scheduled, (await store.GetAsync("alice", "al1", Ct))!.DeliveryStatus);
        Assert.Single(await store.ReleaseDueAsync(Times.At(31), 10, Nothing, Ct));
    }

    [Fact]
    public async Task Stalled_alerts_are_those_pending_with_an_expired_lease_or_never_claimed_for_too_long()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Alert("leased", article: "a1", minute: 1), null, Ct);
        await store.TryInsertAsync(Alert("old", article: "a2", minute: 1), null, Ct);
        await store.TryInsertAsync(Alert("fresh", article: "a3", minute: 9), null, Ct);
        await store.TryInsertAsync(Alert("done", article: "a4", minute: 1) with { DeliveryStatus = DeliveryStatus.Delivered }, null, Ct);
        await store.TryInsertAsync(Alert("retrying", article: "a5", minute: 1), null, Ct);
        await store.TryClaimDeliveryAsync("leased", Times.At(10), Times.At(12), Ct);
        await store.TryClaimDeliveryAsync("retrying", Times.At(10), Times.At(12), Ct);
        await store.CompleteDeliveryAsync("retrying", DeliveryStatus.Pending, Times.At(10), "503", Ct);

        // At 11 the lease holds; "old" waits since 1 and "retrying" since its failed attempt at 10.
        Assert.Equal(["old"], (await store.ListStalledAsync(Times.At(11), Times.At(5), 10, Ct)).Select(a => a.AlertId));
        // At 13 the lease has run out: the attempt that took it is presumed dead.
        Assert.Equal(["leased", "old"], (await store.ListStalledAsync(Times.At(13), Times.At(5), 10, Ct)).Select(a => a.AlertId).Order());
        Assert.Equal(["fresh", "leased", "old", "retrying"], (await store.ListStalledAsync(Times.At(30), Times.At(20), 10, Ct)).Select(a => a.AlertId).Order());

        // Claimed again, the lease counts anew; a delivered alert is never stalled.
        Assert.NotNull(await store.TryClaimDeliveryAsync("leased", Times.At(13), Times.At(15), Ct));
        Assert.DoesNotContain("leased", (await store.ListStalledAsync(Times.At(14), Times.At(5), 10, Ct)).Select(a => a.AlertId));
    }

    [Fact]
    public async Task Pages_of_an_analyst_s_alerts_follow_each_other_newest_first_ties_by_id()
    {
        var store = await CreateStoreAsync();
        foreach (var (id, minute) in new[] { ("al1", 1), ("al2", 2), ("al3", 2), ("al4", 3), ("al5", 4) })
        {
            await store.TryInsertAsync(Alert(id, article: id, minute: minute), null, Ct);
        }

        await store.TryInsertAsync(Alert("bob1", article: "b", minute: 3, analyst: "bob", subscription: "s9"), null, Ct);
        var first = await store.ListAsync("alice", new PageRequest(2), Ct);
        var second = await store.ListAsync("alice", new PageRequest(2, first.Next), Ct);
        var third = await store.ListAsync("alice", new PageRequest(2, second.Next), Ct);

        Assert.Equal(["al5", "al4"], first.Items.Select(a => a.AlertId));
        Assert.Equal(["al3", "al2"], second.Items.Select(a => a.AlertId));
        Assert.Equal(["al1"], third.Items.Select(a => a.AlertId));
        Assert.Null(third.Next);
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAsync("alice", new PageRequest(2, "bm9wZQ"), Ct));
    }

    [Fact]
    public async Task Pages_of_verdicts_hold_only_alerts_with_feedback_newest_first()
    {
        var store = await CreateStoreAsync();
        foreach (var (id, minute) in new[] { ("fb1", 1), ("fb2", 2), ("fb3", 2), ("fb4", 3), ("none", 4) })
        {
            await store.TryInsertAsync(Alert(id, article: id, minute: minute), null, Ct);
        }

        await store.MarkRelevantAsync("alice", "fb1", null, Times.At(10), Ct);
        await store.MarkNotRelevantAsync("alice", "fb2", "off topic", Times.At(10), Ct);
        await store.MarkRelevantAsync("alice", "fb3", null, Times.At(10), Ct);
        await store.MarkRelevantAsync("alice", "fb4", null, Times.At(10), Ct);
        var first = await store.ListFeedbackAsync("alice", null, new PageRequest(3), Ct);
        var second = await store.ListFeedbackAsync("alice", null, new PageRequest(3, first.Next), Ct);

        Assert.Equal(["fb4", "fb3", "fb2"], first.Items.Select(a => a.AlertId));
        Assert.Equal(["fb1"], second.Items.Select(a => a.AlertId));
        Assert.Null(second.Next);
        Assert.Empty((await store.ListFeedbackAsync("bob", null, new PageRequest(3), Ct)).Items);
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
