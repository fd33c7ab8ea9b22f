
using Monitoring.Ingest;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Storage;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;

namespace Monitoring.Ingest.Tests.Storage;

/// <summary>What every <see cref="IArticleStore"/> must do, whichever database is underneath.</summary>
public abstract class ArticleStoreContract
{
    protected abstract Task<IArticleStore> CreateStoreAsync();

    /// <summary>The story store on the database <paramref name="store"/> was created on.</summary>
    protected abstract IStoryStore StoriesBeside(IArticleStore store);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutboxMessage Announcement(string id = "any") => OutboxMessage.For(new Announced(id), Times.At(2));

    private static StoredArticle Article(string id, string hash) => new()
    {
        ArticleId = id,
        StoryId = id,
        ContentHash = hash,
        Text = "Text of " + id,
        Title = "Title of " + id,
        Byline = "Jane Doe, Omar Haddad",
        Url = $"https://news.example/{id}",
        Source = "test",
        Language = "en",
        PublishedAt = Times.At(1),
        IngestedAt = Times.At(2),
    };

    [Fact]
    public async Task An_inserted_article_reads_back_unchanged()
    {
        var store = await CreateStoreAsync();
        var article = Article("a1", "h1");

        var (inserted, stored) = await store.TryInsertAsync(article, Announcement(), Ct);

        Assert.True(inserted);
        Assert.Equal(article, stored);
        Assert.Equal(article, await store.GetAsync("a1", Ct));
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task The_same_content_hash_is_stored_once_and_the_first_article_is_returned()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Article("a1", "h1"), Announcement(), Ct);

        var (inserted, existing) = await store.TryInsertAsync(Article("a2", "h1"), Announcement(), Ct);

        Assert.False(inserted);
        Assert.Equal("a1", existing.ArticleId);
        Assert.Null(await store.GetAsync("a2", Ct));
    }

    [Fact]
    public async Task The_announcement_is_written_with_the_article_and_not_with_a_duplicate()
    {
        var store = await CreateStoreAsync();
        var outbox = StoreFactory.OutboxOf(store, IngestOutbox.Name);
        var announcement = Announcement("a1");

        await store.TryInsertAsync(Article("a1", "h1"), announcement, Ct);
        await store.TryInsertAsync(Article("a1", "h1"), Announcement("a1 again"), Ct);
        await store.TryInsertAsync(Article("a2", "h1"), Announcement("a2, same text"), Ct);

        var pending = Assert.Single(await outbox.PendingAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Equal(announcement.Id, pending.Id);
        Assert.Equal(announcement.Body, pending.Body);
        Assert.Equal(announcement.MessageType, pending.MessageType);
    }

    [Fact]
    public async Task A_new_article_joins_its_story_and_is_announced_with_the_outlet_count_in_one_write()
    {
        var store = await CreateStoreAsync();
        var stories = StoriesBeside(store);
        await ((IStoreInitializer)stories).InitializeAsync(Ct);
        var outbox = StoreFactory.OutboxOf(store, IngestOutbox.Name);
        await stories.AddMemberAsync(new StoryMember("a0", "s1", "wire", Times.At(1), [1]), Ct);

        var (inserted, _, outlets) = await store.TryInsertWithStoryAsync(
            Article("a1", "h1") with { StoryId = "s1" }, new StoryMember("a1", "s1", "paper", Times.At(2), [2]), count => Announcement($"outlets {count}"), Ct);
        var (copy, existing, _) = await store.TryInsertWithStoryAsync(
            Article("a2", "h1") with { StoryId = "s1" }, new StoryMember("a2", "s1", "third", Times.At(3), [3]), count => Announcement($"copy {count}"), Ct);

        Assert.True(inserted);
        Assert.Equal(2, outlets);
        Assert.Equal((2, 2), ((await stories.GetStoryAsync("s1", Ct))!.ArticleCount, (await stories.GetStoryAsync("s1", Ct))!.OutletCount));
        Assert.False(copy);
        Assert.Equal("a1", existing.ArticleId);
        var pending = Assert.Single(await outbox.PendingAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Equal("outlets 2", ((Announced)pending.Deserialize(out _)).Id);
    }

    [Fact]
    public async Task An_article_stored_unannounced_by_an_older_version_is_announced_once_when_queued()
    {
        var store = await CreateStoreAsync();
        var outbox = StoreFactory.OutboxOf(store, IngestOutbox.Name);
        await store.TryInsertAsync(Article("a1", "h1") with { AnnouncedAt = null }, Announcement("lost"), Ct);
        await outbox.RemoveAsync((await outbox.PendingAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(m => m.Id).ToList(), Ct);

        Assert.True(await store.QueueAnnouncementAsync("a1", Times.At(3), Announcement("now"), Ct));
        Assert.False(await store.QueueAnnouncementAsync("a1", Times.At(4), Announcement("twice"), Ct));

        Assert.Equal(Times.At(3), (await store.GetAsync("a1", Ct))!.AnnouncedAt);
        Assert.Equal("now", Assert.Single(await outbox.PendingAsync(DateTimeOffset.MaxValue, 10, Ct)).Deserialize(out _) is Announced { Id: var id } ? id : null);
    }

    [Fact]
    public async Task A_canonical_url_is_stored_once_and_the_first_article_is_found_by_it()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Article("a1", "h1") with { Url = "https://news.example/same" }, Announcement(), Ct);

        // Edited text under the same URL: the unique key, not a prior lookup, makes it a duplicate, so a race cannot store both.
        var (inserted, existing) = await store.TryInsertAsync(Article("a2", "h2") with { Url = "https://news.example/same" }, Announcement(), Ct);

        Assert.False(inserted);
        Assert.Equal("a1", existing.ArticleId);
        Assert.Equal("a1", (await store.FindByUrlAsync("https://news.example/same", Ct))?.ArticleId);
        Assert.Null(await store.FindByUrlAsync("https://news.example/other", Ct));
    }

    [Fact]
    public async Task Articles_without_a_url_do_not_collide()
    {
        var store = await CreateStoreAsync();

        var (first, _) = await store.TryInsertAsync(Article("a1", "h1") with { Url = null }, Announcement(), Ct);
        var (second, _) = await store.TryInsertAsync(Article("a2", "h2") with { Url = null }, Announcement(), Ct);

        Assert.True(first);
        Assert.True(second);
    }
}

public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    protected override async Task<IArticleStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteArticleStore>();

    protected override IStoryStore StoriesBeside(IArticleStore store) => StoreFactory.SiblingOf<SqliteStoryStore>(store);
}

public sealed class MongoArticleStoreTests(MongoServer mongo) : ArticleStoreContract
{
    protected override async Task<IArticleStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoArticleStore>(mongo);

    protected override IStoryStore StoriesBeside(IArticleStore store) => StoreFactory.SiblingOf<MongoStoryStore>(store);
}
