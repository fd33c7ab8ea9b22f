using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Monitoring.Alert.Preview;
using Monitoring.Alert.Storage;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Storage;

/// <summary>What every <see cref="IRecentArticleStore"/> must do: one copy per article, newest first, old ones forgotten.</summary>
public abstract class RecentArticleStoreContract
{
    protected abstract Task<IRecentArticleStore> CreateStoreAsync();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions AsMassTransitWrites = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    protected static RecentArticle Recent(string id, int minute) => new(new ArticleClassified
    {
        ArticleId = id, StoryId = id, Title = "Title " + id, Text = "Text " + id, Language = "en", IngestedAt = Times.At(minute), ClassifiedAt = Times.At(minute),
        Topics = [new TopicScore { Id = "sanctions", Score = 6, Evidence = [new MatchEvidence { Rule = "sanctions/terms/sanction*", Text = "sanctions", Start = 0, End = 9, Weight = 3 }] }],
        Countries = ["IRN"],
    }, Times.At(minute));

    [Fact]
    public async Task An_article_reads_back_unchanged_once_newest_first()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Recent("a1", 1), Times.At(0), Ct);
        await store.AddAsync(Recent("a2", 2), Times.At(0), Ct);
        await store.AddAsync(Recent("a1", 3), Times.At(0), Ct);

        var listed = await store.ListAsync(Times.At(0), 10, Ct);

        Assert.Equal(["a2", "a1"], listed.Select(r => r.Article.ArticleId));
        Json.AssertEquivalent(Recent("a1", 1), listed[1]);
        Json.AssertEquivalent(Recent("a2", 2), await store.GetAsync("a2", Ct));
        Assert.Null(await store.GetAsync("a3", Ct));
    }

    [Fact]
    public async Task An_article_received_as_JSON_is_kept_as_that_JSON_and_reads_back_as_the_article_it_was()
    {
        var store = await CreateStoreAsync();
        var received = Recent("a1", 1);
        // camelCase without nulls, as MassTransit writes a message; the title differs from the object's only to show which was stored.
        var json = JsonSerializer.SerializeToUtf8Bytes(received.Article with { Title = "As received" }, AsMassTransitWrites);

        await store.AddAsync(received with { ReceivedJson = json }, Times.At(0), Ct);
        var read = await store.GetAsync("a1", Ct);

        Json.AssertEquivalent(Recent("a1", 1).Article with { Title = "As received" }, read!.Article);
        Assert.Equal(Times.At(1), read.ReceivedAt);
    }

    [Fact]
    public async Task Listing_is_bounded_by_time_and_count_and_old_articles_are_forgotten()
    {
        var store = await CreateStoreAsync();
        for (var minute = 1; minute <= 5; minute++) await store.AddAsync(Recent($"a{minute}", minute), Times.At(0), Ct);

        Assert.Equal(["a5", "a4"], (await store.ListAsync(Times.At(3), 2, Ct)).Select(r => r.Article.ArticleId));
        Assert.Equal(["a5", "a4", "a3"], (await store.ListAsync(Times.At(3), 10, Ct)).Select(r => r.Article.ArticleId));

        await store.AddAsync(Recent("a6", 6), Times.At(4), Ct);

        Assert.Equal(["a6", "a5", "a4"], (await store.ListAsync(Times.At(0), 10, Ct)).Select(r => r.Article.ArticleId));
        Assert.Null(await store.GetAsync("a1", Ct));
    }
}

public sealed class SqliteRecentArticleStoreTests : RecentArticleStoreContract
{
    protected override async Task<IRecentArticleStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteRecentArticleStore>();

    [Fact]
    public async Task Old_articles_are_deleted_once_the_cut_off_has_moved_a_minute_not_on_every_article()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Recent("a1", 1), Times.At(1), Ct);
        await store.AddAsync(Recent("a2", 2), Times.At(1).AddSeconds(50), Ct);

        Assert.NotNull(await store.GetAsync("a1", Ct));

        await store.AddAsync(Recent("a3", 3), Times.At(2), Ct);

        Assert.Null(await store.GetAsync("a1", Ct));
        Assert.NotNull(await store.GetAsync("a2", Ct));
    }

    [Fact]
    public async Task An_article_stored_before_in_PascalCase_still_reads_back()
    {
        var database = StoreFactory.FreshSqlite();
        var store = await StoreFactory.CreateSqliteAsync<SqliteRecentArticleStore>(database);
        await using (var connection = await database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("INSERT INTO alert_recent_articles (article_id, received_at, message) VALUES ('a1', @at, @message)",
                new { at = Times.At(1).ToUniversalTime(), message = JsonSerializer.Serialize(Recent("a1", 1).Article) });
        }

        Json.AssertEquivalent(Recent("a1", 1), await store.GetAsync("a1", Ct));
    }
}

public sealed class MongoRecentArticleStoreTests(MongoServer mongo) : RecentArticleStoreContract
{
    protected override async Task<IRecentArticleStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoRecentArticleStore>(mongo);
}
