using Monitoring.Alert.Shifts;
using Monitoring.Alert.Storage;

namespace Monitoring.Alert.Tests.Storage;

/// <summary>What every <see cref="IRelationStore"/> must do: count each event once, sum balances by day, order first events, keep one open shift per pair.</summary>
public abstract class RelationStoreContract
{
    protected abstract Task<IRelationStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day0 = new(2024, 5, 16);

    private static RelationEvent Event(string story, string cameo, int day, int minute, string source = "CHN", string target = "RUS", int quad = 1, double goldstein = 4) => new()
    {
        Pair = RelationEvent.PairOf(source, target), StoryId = story, ArticleId = "a-" + story, Source = source, Target = target, Cameo = cameo, Root = cameo[..2],
        QuadClass = quad, Goldstein = goldstein, Day = Day0.AddDays(day), RecordedAt = Times.At(minute), Title = "Title " + story, Url = "https://example.org/" + story,
    };

    private static RelationShift Shift(string id, string openKey, string pair = "CHN-RUS", string article = "a1", int minute = 0) => new()
    {
        ShiftId = id, Pair = pair, Kind = RelationShift.Balance, OpenKey = openKey, Summary = "Summary " + id,
        Measures = [new ShiftMeasure { Name = "goldstein", Before = 4.6, After = 0, Text = "mean Goldstein value fell from +4.6 to 0.0" }],
        Events = [Event("s1", "190", 0, 0, quad: 4, goldstein: -10)], RecentFrom = Day0, RecentTo = Day0.AddDays(6), BaselineFrom = Day0.AddDays(-90),
        RecentEvents = 7, BaselineEvents = 100, ArticleId = article, StoryId = "s-" + article, OpenedAt = Times.At(minute), ConfirmedAt = Times.At(minute),
    };

    [Fact]
    public async Task Each_event_counts_once_per_story_and_balances_sum_the_days_asked()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.ObservedSinceAsync(Ct));
        await store.RecordAsync([Event("s1", "036", 0, 10), Event("s1", "190", 0, 10, "RUS", "CHN", 4, -10)], Ct);
        await store.RecordAsync([Event("s1", "036", 0, 11) with { ArticleId = "copy" }, Event("s2", "061", 2, 12, quad: 2, goldstein: 6.4)], Ct);
        await store.RecordAsync([Event("s3", "042", 5, 13, "IRN", "IRQ")], Ct);

        var all = await store.BalanceAsync("CHN-RUS", Day0, Day0.AddDays(2), Ct);
        var first = await store.BalanceAsync("CHN-RUS", Day0, Day0, Ct);

        Assert.Equal((1, 1, 0, 1, 3), (all.VerbalCooperation, all.MaterialCooperation, all.VerbalConflict, all.MaterialConflict, all.Total));
        Assert.Equal(0.4 / 3, all.MeanGoldstein, 6);
        Assert.Equal(16 + 100 + 6.4 * 6.4, all.GoldsteinSquares, 6);
        Assert.Equal(2, first.Total);
        Assert.Equal(0, (await store.BalanceAsync("CHN-RUS", Day0.AddDays(3), Day0.AddDays(9), Ct)).Total);
        Assert.Equal(DateOnly.FromDateTime(Times.At(10).UtcDateTime), await store.ObservedSinceAsync(Ct));

        var conflict = await store.EventsAsync("CHN-RUS", Day0, Day0.AddDays(6), [4], 10, Ct);
        Json.AssertEquivalent(Event("s1", "190", 0, 10, "RUS", "CHN", 4, -10), Assert.Single(conflict));
        Assert.Equal(["s2", "s1", "s1"], (await store.EventsAsync("CHN-RUS", Day0, Day0.AddDays(6), [], 10, Ct)).Select(e => e.StoryId));

        // A story's events, each once, earliest day first: the copy of s1's 036 added nothing.
        Assert.Equal([("CHN", "036"), ("RUS", "190")], (await store.OfStoryAsync("s1", Ct)).Select(e => (e.Source, e.Cameo)));
        Json.AssertEquivalent(Event("s2", "061", 2, 12, quad: 2, goldstein: 6.4), Assert.Single(await store.OfStoryAsync("s2", Ct)));
        Assert.Empty(await store.OfStoryAsync("s9", Ct));

        await store.PruneAsync(Day0.AddDays(1), Ct);
        Assert.Equal(1, (await store.BalanceAsync("CHN-RUS", Day0, Day0.AddDays(9), Ct)).Total);
    }

    [Fact]
    public async Task Of_several_first_events_of_a_root_exactly_one_has_none_before_it()
    {
        var store = await CreateStoreAsync();
        await store.RecordAsync([Event("s-b", "173", 3, 20, quad: 4), Event("s-a", "1711", 3, 20, quad: 4), Event("s-c", "173", 3, 21, quad: 4)], Ct);

        Assert.False(await store.HasEarlierOfRootAsync("CHN-RUS", "17", Day0, "s-a", Ct));
        Assert.True(await store.HasEarlierOfRootAsync("CHN-RUS", "17", Day0, "s-b", Ct));
        Assert.True(await store.HasEarlierOfRootAsync("CHN-RUS", "17", Day0, "s-c", Ct));
        Assert.False(await store.HasEarlierOfRootAsync("CHN-RUS", "17", Day0.AddDays(4), "s-c", Ct));
        Assert.False(await store.HasEarlierOfRootAsync("CHN-RUS", "19", Day0, "s-c", Ct));
    }

    [Fact]
    public async Task One_shift_per_open_key_until_it_closes_found_by_its_article_pair_and_country()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryOpenAsync(Shift("x1", "CHN-RUS|balance"), Ct));
        Assert.False(await store.TryOpenAsync(Shift("x2", "CHN-RUS|balance", article: "a2"), Ct));
        Assert.True(await store.TryOpenAsync(Shift("y1", "IRN-IRQ|balance", "IRN-IRQ", "a3", 5), Ct));

        Json.AssertEquivalent(Shift("x1", "CHN-RUS|balance"), await store.OpenShiftAsync("CHN-RUS", RelationShift.Balance, Ct));
        await store.ConfirmAsync("x1", Times.At(30), Ct);
        Assert.Equal(Times.At(30), (await store.OpenShiftAsync("CHN-RUS", RelationShift.Balance, Ct))!.ConfirmedAt);

        await store.CloseAsync("x1", Times.At(40), Ct);
        Assert.Null(await store.OpenShiftAsync("CHN-RUS", RelationShift.Balance, Ct));
        Assert.True(await store.TryOpenAsync(Shift("x3", "CHN-RUS|balance", article: "a4", minute: 50), Ct));

        var fired = Assert.Single(await store.FiredByAsync("a1", Ct));
        Assert.Equal(("x1", Times.At(40), "x1"), (fired.ShiftId, fired.ClosedAt, fired.OpenKey));
        Assert.Empty(await store.FiredByAsync("a2", Ct));
        Assert.Equal(["x3", "x1"], (await store.ListAsync("CHN-RUS", null, Times.At(0), 10, Ct)).Select(s => s.ShiftId));
        Assert.Equal(["y1"], (await store.ListAsync(null, "IRQ", Times.At(0), 10, Ct)).Select(s => s.ShiftId));
        Assert.Equal(["x3", "y1"], (await store.ListAsync(null, null, Times.At(1), 10, Ct)).Select(s => s.ShiftId));
    }
}

public sealed class SqliteRelationStoreTests : RelationStoreContract
{
    protected override async Task<IRelationStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteRelationStore>();
}

public sealed class MongoRelationStoreTests(MongoServer mongo) : RelationStoreContract
{
    protected override async Task<IRelationStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoRelationStore>(mongo);
}
