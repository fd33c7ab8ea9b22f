using Monitoring.Alert.Breaking;
using Monitoring.Alert.Storage;

namespace Monitoring.Alert.Tests.Storage;

/// <summary>What every <see cref="IStoryGrowthStore"/> must do: an outlet counts once per story, a story keeps its first topic, rates count story-windows, breaking is set once.</summary>
public abstract class StoryGrowthStoreContract
{
    protected abstract Task<IStoryGrowthStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Whole seconds: arrivals are kept to the second.
    private static DateTimeOffset At(int minutes) => new DateTimeOffset(2024, 5, 16, 8, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

    private static OutletArrival Arrival(string story, string outlet, int minute, string topic = "diplomacy") => new(story, outlet, topic, $"{story}-{outlet}-{minute}", At(minute));

    [Fact]
    public async Task An_outlet_counts_once_per_story_and_the_story_keeps_its_first_topic()
    {
        var store = await CreateStoreAsync();
        var first = await store.RecordAsync(Arrival("s1", "wire", 0), Ct);
        await store.RecordAsync(Arrival("s1", "wire", 5), Ct);
        var later = await store.RecordAsync(Arrival("s1", "daily", 70, topic: "sanctions"), Ct);

        Assert.Equal(new StoryGrowth("s1", "diplomacy", At(0), null), first);
        Assert.Equal(new StoryGrowth("s1", "diplomacy", At(0), null), later);
        Assert.Equal([At(0), At(70)], await store.ArrivalsAsync("s1", Ct));
        Assert.Equal(1, await store.NewOutletsAsync("s1", At(60), Ct));
        Assert.Equal(2, await store.NewOutletsAsync("s1", At(0), Ct));
    }

    [Fact]
    public async Task A_topics_rate_is_its_arrivals_over_the_story_windows_that_had_any()
    {
        var store = await CreateStoreAsync();
        foreach (var arrival in new[]
                 {
                     Arrival("s1", "a", 0), Arrival("s1", "b", 10), Arrival("s1", "c", 70), Arrival("s2", "a", 20),
                     Arrival("s3", "a", 30, topic: "sanctions"), Arrival("s1", "d", 200),
                 })
        {
            await store.RecordAsync(arrival, Ct);
        }

        Assert.Equal(new TopicRate(4, 3), await store.RateAsync("diplomacy", At(0), At(120), TimeSpan.FromHours(1), Ct));
        Assert.Equal(new TopicRate(5, 4), await store.RateAsync(null, At(0), At(120), TimeSpan.FromHours(1), Ct));
        Assert.Equal(new TopicRate(5, 2), await store.RateAsync("diplomacy", At(0), At(300), TimeSpan.FromDays(1), Ct));
        Assert.Equal(new TopicRate(0, 0), await store.RateAsync("cybersecurity", At(0), At(300), TimeSpan.FromDays(1), Ct));
    }

    [Fact]
    public async Task A_story_is_marked_breaking_once_and_old_stories_are_forgotten()
    {
        var store = await CreateStoreAsync();
        await store.RecordAsync(Arrival("s1", "wire", 0), Ct);
        var breaking = new BreakingStory
        {
            StoryId = "s1", Topic = "diplomacy", Window = "hour", NewOutlets = 5, NormalRate = 1.2, BaselineWindows = 40, Outlets = 5, Summary = "5 new outlets",
            DetectedAt = At(30), ArticleId = "a5", Curve = [new GrowthPoint { Hour = At(0), NewOutlets = 5, Outlets = 5 }],
        };

        Assert.True(await store.TryMarkBreakingAsync(breaking, Ct));
        Assert.False(await store.TryMarkBreakingAsync(breaking with { DetectedAt = At(40) }, Ct));
        Json.AssertEquivalent(breaking, (await store.RecordAsync(Arrival("s1", "daily", 50), Ct)).Breaking);

        await store.RecordAsync(Arrival("s2", "wire", 100), Ct);
        await store.PruneAsync(At(60), Ct);
        Assert.Empty(await store.ArrivalsAsync("s1", Ct));
        Assert.Null((await store.RecordAsync(Arrival("s1", "third", 120), Ct)).Breaking);
        Assert.Equal([At(100)], await store.ArrivalsAsync("s2", Ct));
    }
}

public sealed class SqliteStoryGrowthStoreTests : StoryGrowthStoreContract
{
    protected override async Task<IStoryGrowthStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteStoryGrowthStore>();
}

public sealed class MongoStoryGrowthStoreTests(MongoServer mongo) : StoryGrowthStoreContract
{
    protected override async Task<IStoryGrowthStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoStoryGrowthStore>(mongo);
}
