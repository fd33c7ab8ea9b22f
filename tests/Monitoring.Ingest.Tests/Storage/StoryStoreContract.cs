using Monitoring.Ingest.Storage;
using Monitoring.Ingest.Stories;

namespace Monitoring.Ingest.Tests.Storage;

/// <summary>What every <see cref="IStoryStore"/> must do, whichever database is underneath.</summary>
public abstract class StoryStoreContract
{
    protected abstract Task<IStoryStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StoryMember Member(string articleId, string storyId, string outlet, int minute) =>
        new(articleId, storyId, outlet, Times.At(minute), [1, 2, 3, (byte)minute]);

    [Fact]
    public async Task A_story_counts_its_articles_and_distinct_outlets()
    {
        var store = await CreateStoreAsync();
        await store.AddMemberAsync(Member("a1", "s1", "xinhua", 1), Ct);
        await store.AddMemberAsync(Member("a2", "s1", "reuters", 2), Ct);
        await store.AddMemberAsync(Member("a3", "s1", "reuters", 3), Ct);
        await store.AddMemberAsync(Member("b1", "s2", "tass", 4), Ct);

        var story = await store.GetStoryAsync("s1", Ct);

        Assert.NotNull(story);
        Assert.Equal((3, 2, Times.At(1), Times.At(3)), (story.ArticleCount, story.OutletCount, story.FirstSeenAt, story.LastSeenAt));
        Assert.Equal(["reuters", "xinhua"], story.Outlets);
        Assert.Null(await store.GetStoryAsync("missing", Ct));
    }

    [Fact]
    public async Task Adding_the_same_article_twice_changes_nothing()
    {
        var store = await CreateStoreAsync();
        await store.AddMemberAsync(Member("a1", "s1", "xinhua", 1), Ct);
        await store.AddMemberAsync(Member("a1", "s1", "other", 2), Ct);

        var story = await store.GetStoryAsync("s1", Ct);

        Assert.Equal((1, 1), (story!.ArticleCount, story.OutletCount));
    }

    [Fact]
    public async Task Members_since_an_instant_come_back_oldest_first_with_their_fingerprints()
    {
        var store = await CreateStoreAsync();
        await store.AddMemberAsync(Member("late", "s1", "x", 9), Ct);
        await store.AddMemberAsync(Member("old", "s1", "x", 1), Ct);
        await store.AddMemberAsync(Member("mid", "s2", "y", 5), Ct);

        var members = await store.MembersSinceAsync(Times.At(5), Ct);

        Assert.Equal(["mid", "late"], members.Select(m => m.ArticleId));
        Assert.Equal(new byte[] { 1, 2, 3, 5 }, members[0].Signature);
        Assert.Equal(("s2", "y", Times.At(5)), (members[0].StoryId, members[0].Outlet, members[0].SeenAt));
    }
}

public sealed class SqliteStoryStoreTests : StoryStoreContract
{
    protected override async Task<IStoryStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteStoryStore>();
}

public sealed class MongoStoryStoreTests(MongoServer mongo) : StoryStoreContract
{
    protected override async Task<IStoryStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoStoryStore>(mongo);
}
