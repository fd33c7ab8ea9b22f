using Dapper;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Storage;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Storage;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Storage;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;
using Monitoring.Storage.Paging;
using static Monitoring.Monitor.Tests.StoredLayout.StoredLayoutSamples;

namespace Monitoring.Monitor.Tests.StoredLayout;

/// <summary>A SQLite database written before issue 14 (<c>Layout/sqlite.sql</c>) reads back through today's stores, every table.</summary>
public sealed class SqliteStoredLayoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SqliteDatabase> OldDatabaseAsync()
    {
        var database = new SqliteDatabase(Path.Combine(Path.GetTempPath(), "monitoring-tests", $"layout-{Guid.NewGuid():N}.db"));
        await using var connection = await database.OpenAsync(Ct);
        await connection.ExecuteAsync(await File.ReadAllTextAsync(Fixture("sqlite.sql"), Ct));
        return database;
    }

    private static async Task<TStore> OpenAsync<TStore>(SqliteDatabase database, Func<SqliteDatabase, TStore> create) where TStore : IStoreInitializer
    {
        var store = create(database);
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task Articles_read_back()
    {
        var store = await OpenAsync(await OldDatabaseAsync(), db => new SqliteArticleStore(db));

        Json.AssertSameInstants(Article, await store.GetAsync("a-full", Ct));
        Json.AssertSameInstants(BareArticle, await store.GetAsync("a-bare", Ct));
        Json.AssertSameInstants(Article, await store.FindByUrlAsync("https://news.example/lyon", Ct));
    }

    [Fact]
    public async Task Sources_and_their_seen_items_read_back()
    {
        var store = await OpenAsync(await OldDatabaseAsync(), db => new SqliteSourceStore(db));

        Json.AssertSameInstants(new[] { BareSource, Source }, (await store.ListAsync(new PageRequest(10), Ct)).Items);
        Assert.Equal([SeenItemKey], await store.GetSeenItemsAsync(Source.Id, [SeenItemKey, "https://news.example/other"], Ct));
    }

    [Fact]
    public async Task Story_members_read_back()
    {
        var store = await OpenAsync(await OldDatabaseAsync(), db => new SqliteStoryStore(db));

        var member = Assert.Single(await store.MembersSinceAsync(At(-10), Ct));
        Json.AssertSameInstants(Member, member);
        Assert.Equal(Member.Signature, member.Signature);
        Assert.Equal(1, (await store.GetStoryAsync("s-1", Ct))?.ArticleCount);
    }

    [Fact]
    public async Task Classified_articles_read_back_and_filter_by_topic()
    {
        var store = await OpenAsync(await OldDatabaseAsync(), db => new SqliteClassifiedArticleStore(db));

        Json.AssertSameInstants(Classified, await store.GetAsync("a-full", Ct));
        Json.AssertSameInstants(BareClassified, await store.GetAsync("a-bare", Ct));
        Json.AssertSameInstants(new[] { Classified }, (await store.ListAsync(new ClassifiedArticleQuery(Topic: "law-enforcement"), Ct)).Items);
        Json.AssertSameInstants(new[] { Classified }, (await store.ListAsync(new ClassifiedArticleQuery(Country: "FRA"), Ct)).Items);
    }

    [Fact]
    public async Task Coded_events_read_back_and_filter_by_root()
    {
        var store = await OpenAsync(await OldDatabaseAsync(), db => new SqliteCodedEventStore(db));

        Json.AssertSameInstants(new[] { BareCoded, Coded }, (await store.ListAsync(new CodedEventQuery(), Ct)).Items);
        Json.AssertSameInstants(new[] { Coded }, (await store.ListAsync(new CodedEventQuery(Root: "17"), Ct)).Items);
    }

    [Fact]
    public async Task Analysts_and_subscriptions_read_back()
    {
        var database = await OldDatabaseAsync();
        var analysts = await OpenAsync(database, db => new SqliteAnalystStore(db));
        var subscriptions = await OpenAsync(database, db => new SqliteSubscriptionStore(db));

        Json.AssertSameInstants(Analyst, await analysts.FindByKeyHashAsync("key-hash-1", Ct));
        var subscription = await subscriptions.GetAsync("an-1", "sub-1", Ct);
        Json.AssertSameInstants(Subscription, subscription);
        Assert.Equal(Subscription.SigningSecret, subscription?.SigningSecret);
        Json.AssertSameInstants(BareSubscription, await subscriptions.GetAsync("an-1", "sub-2", Ct));
    }

    [Fact]
    public async Task Alerts_read_back_with_their_counted_articles_and_lease()
    {
        var store = await OpenAsync(await OldDatabaseAsync(), db => new SqliteAlertStore(db));

        Json.AssertSameInstants(UpdatedAlert, await store.GetAsync("an-1", "al-1", Ct));
        Json.AssertSameInstants(NotRelevantAlert, await store.GetAsync("an-1", "al-2", Ct));

        // The stored article ids and lease still decide: the counted article is not counted again, the lease still holds.
        Assert.Null(await store.AddArticleAsync("al-1", new StoryArticle("a-copy", "other-news", null, null, At(9)), null, Ct));
        Assert.Null(await store.TryClaimDeliveryAsync("al-1", AlertLeaseUntil.AddMinutes(-1), AlertLeaseUntil.AddMinutes(5), Ct));
        Assert.NotNull(await store.TryClaimDeliveryAsync("al-1", AlertLeaseUntil.AddMinutes(1), AlertLeaseUntil.AddMinutes(5), Ct));
    }
}
