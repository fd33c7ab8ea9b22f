
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Storage;

namespace Monitoring.Ingest.Tests.Storage;

/// <summary>What every <see cref="IArticleStore"/> must do, whichever database is underneath.</summary>
public abstract class ArticleStoreContract
{
    protected abstract Task<IArticleStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

        var (inserted, stored) = await store.TryInsertAsync(article, Ct);

        Assert.True(inserted);
        Assert.Equal(article, stored);
        Assert.Equal(article, await store.GetAsync("a1", Ct));
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task The_same_content_hash_is_stored_once_and_the_first_article_is_returned()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Article("a1", "h1"), Ct);

        var (inserted, existing) = await store.TryInsertAsync(Article("a2", "h1"), Ct);

        Assert.False(inserted);
        Assert.Equal("a1", existing.ArticleId);
        Assert.Null(await store.GetAsync("a2", Ct));
    }

    [Fact]
    public async Task Marking_announced_is_visible_to_a_later_duplicate_and_happens_once()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Article("a1", "h1"), Ct);

        await store.MarkAnnouncedAsync("a1", Times.At(3), Ct);
        await store.MarkAnnouncedAsync("a1", Times.At(4), Ct);
        var (_, existing) = await store.TryInsertAsync(Article("a1", "h1"), Ct);

        Assert.Equal(Times.At(3), existing.AnnouncedAt);
    }

    [Fact]
    public async Task A_canonical_url_is_stored_once_and_the_first_article_is_found_by_it()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Article("a1", "h1") with { Url = "https://news.example/same" }, Ct);

        // Edited text under the same URL: the unique key, not a prior lookup, makes it a duplicate, so a race cannot store both.
        var (inserted, existing) = await store.TryInsertAsync(Article("a2", "h2") with { Url = "https://news.example/same" }, Ct);

        Assert.False(inserted);
        Assert.Equal("a1", existing.ArticleId);
        Assert.Equal("a1", (await store.FindByUrlAsync("https://news.example/same", Ct))?.ArticleId);
        Assert.Null(await store.FindByUrlAsync("https://news.example/other", Ct));
    }

    [Fact]
    public async Task Articles_without_a_url_do_not_collide()
    {
        var store = await CreateStoreAsync();

        var (first, _) = await store.TryInsertAsync(Article("a1", "h1") with { Url = null }, Ct);
        var (second, _) = await store.TryInsertAsync(Article("a2", "h2") with { Url = null }, Ct);

        Assert.True(first);
        Assert.True(second);
    }
}

public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    protected override async Task<IArticleStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteArticleStore>();
}

public sealed class MongoArticleStoreTests(MongoServer mongo) : ArticleStoreContract
{
    protected override async Task<IArticleStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoArticleStore>(mongo);
}
