using Monitoring.Classify;
using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Storage;
using Monitoring.Contracts;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Tests.Storage;

/// <summary>What every <see cref="IClassifiedArticleStore"/> must do, whichever database is underneath.</summary>
public abstract class ClassifiedArticleStoreContract
{
    protected abstract Task<IClassifiedArticleStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClassifiedArticle Event(string articleId, int minute, string[] countries, params string[] topics) => new()
    {
        ArticleId = articleId,
        StoryId = "story-" + articleId,
        Title = "Title " + articleId,
        Url = null,
        Source = "test",
        Language = "en",
        PublishedAt = null,
        IngestedAt = Times.At(minute - 1),
        ClassifiedAt = Times.At(minute),
        Topics = topics.Select((t, i) => new TopicScore { Id = t, Score = 10.5 - i }).ToList(),
        Countries = countries,
    };

    [Fact]
    public async Task An_event_reads_back_unchanged_with_its_topics_and_countries()
    {
        var store = await CreateStoreAsync();
        var document = Event("a1", 5, ["CHN", "RUS"], "law-enforcement", "security-cooperation");

        var (inserted, stored) = await store.TryInsertAsync(document, [], Announcement(), Ct);

        Assert.True(inserted);
        Json.AssertEquivalent(document, stored);
        Json.AssertEquivalent(document, await store.GetAsync("a1", Ct));
    }

    [Fact]
    public async Task Topic_evidence_and_entities_read_back_unchanged()
    {
        var store = await CreateStoreAsync();
        var document = Event("e1", 5, ["RUS"], "law-enforcement") with
        {
            Topics = [new TopicScore { Id = "law-enforcement", Score = 5, Evidence = [new MatchEvidence { Rule = "law-enforcement/terms/police", Text = "police", Start = 4, End = 10, Weight = 5 }] }],
            Entities =
            [
                new ArticleEntity
                {
                    Id = "person:sergei-shoigu", Type = "person", Name = "Sergei Shoigu", Code = "RUS", Country = "RUS", Sectors = ["GOV"],
                    Role = "Secretary of the Security Council", Mentions = [new MatchEvidence { Rule = "person:sergei-shoigu", Text = "Shoigu", Start = 20, End = 26 }],
                },
            ],
        };

        await store.TryInsertAsync(document, [], Announcement(), Ct);

        Json.AssertEquivalent(document, await store.GetAsync("e1", Ct));
    }

    [Fact]
    public async Task An_article_has_one_event_document_the_first_one()
    {
        var store = await CreateStoreAsync();
        var first = Event("a1", 5, ["CHN"], "diplomacy");
        await store.TryInsertAsync(first, [], Announcement(), Ct);

        var (inserted, stored) = await store.TryInsertAsync(Event("a1", 9, ["USA"], "cybersecurity"), [], Announcement(), Ct);

        Assert.False(inserted);
        Json.AssertEquivalent(first, stored);
    }

    [Fact]
    public async Task Listing_filters_by_country_and_topic_newest_first()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Event("old", 1, ["CHN", "RUS"], "diplomacy"), [], Announcement(), Ct);
        await store.TryInsertAsync(Event("new", 3, ["CHN"], "law-enforcement"), [], Announcement(), Ct);
        await store.TryInsertAsync(Event("other", 2, ["USA"], "diplomacy"), [], Announcement(), Ct);

        Assert.Equal(["new", "other", "old"], Ids((await store.ListAsync(new ClassifiedArticleQuery(), Ct)).Items));
        Assert.Equal(["new", "old"], Ids((await store.ListAsync(new ClassifiedArticleQuery(Country: "CHN"), Ct)).Items));
        Assert.Equal(["other", "old"], Ids((await store.ListAsync(new ClassifiedArticleQuery(Topic: "diplomacy"), Ct)).Items));
        Assert.Equal(["old"], Ids((await store.ListAsync(new ClassifiedArticleQuery(Country: "RUS", Topic: "diplomacy"), Ct)).Items));
        Assert.Equal(["new"], Ids((await store.ListAsync(new ClassifiedArticleQuery(Limit: 1), Ct)).Items));
        Assert.Equal(["other"], Ids((await store.ListAsync(new ClassifiedArticleQuery(StoryId: "story-other"), Ct)).Items));
    }

    [Fact]
    public async Task The_article_its_coded_events_and_its_announcement_are_stored_together_once()
    {
        var store = await CreateStoreAsync();
        var announcement = Announcement();
        var coded = CodedEventStoreContract.Event("a1", "story-a1", 5, "CHN", "RUS", "040");

        await store.TryInsertAsync(Event("a1", 5, ["CHN"], "diplomacy"), [coded], announcement, Ct);
        var (again, _) = await store.TryInsertAsync(Event("a1", 6, ["CHN"], "diplomacy"), [coded with { EventId = "a1:other" }], Announcement(), Ct);

        Assert.False(again);
        Assert.Equal(announcement.Id, Assert.Single(await StoreFactory.OutboxOf(store, ClassifyOutbox.Name).PendingAsync(DateTimeOffset.MaxValue, 10, Ct)).Id);
        var events = await CodedEventsOf(store).ListAsync(new CodedEventQuery(), Ct);
        Assert.Equal([coded.EventId], events.Items.Select(e => e.EventId));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gap_or_repeat_in_a_stable_order()
    {
        var store = await CreateStoreAsync();
        // Two articles classified at the same instant: the article id breaks the tie, so no page boundary can split them badly.
        foreach (var (id, minute) in new[] { ("a", 1), ("b", 2), ("c", 2), ("d", 3), ("e", 4) })
        {
            await store.TryInsertAsync(Event(id, minute, ["CHN"], "diplomacy"), [], Announcement(), Ct);
        }

        var first = await store.ListAsync(new ClassifiedArticleQuery(Limit: 2), Ct);
        await store.TryInsertAsync(Event("late", 9, ["CHN"], "diplomacy"), [], Announcement(), Ct);
        var second = await store.ListAsync(new ClassifiedArticleQuery(Limit: 2, After: first.Next), Ct);
        var third = await store.ListAsync(new ClassifiedArticleQuery(Limit: 2, After: second.Next), Ct);

        Assert.Equal(["e", "d"], Ids(first.Items));
        Assert.Equal(["c", "b"], Ids(second.Items));
        Assert.Equal(["a"], Ids(third.Items));
        Assert.Null(third.Next);
        Assert.Equal(["late", "e", "d", "c", "b", "a"], Ids(await AllPagesAsync(store, new ClassifiedArticleQuery(Topic: "diplomacy", Limit: 1))));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAsync(new ClassifiedArticleQuery(After: "not-a-cursor"), Ct));
    }

    private static async Task<List<ClassifiedArticle>> AllPagesAsync(IClassifiedArticleStore store, ClassifiedArticleQuery query)
    {
        var all = new List<ClassifiedArticle>();
        for (string? after = null; ;)
        {
            var page = await store.ListAsync(query with { After = after }, Ct);
            all.AddRange(page.Items);
            if ((after = page.Next) is null) return all;
        }
    }

    protected static OutboxMessage Announcement() => OutboxMessage.For(new Announced("classified"), Times.At(5));

    private static ICodedEventStore CodedEventsOf(IClassifiedArticleStore store) => store switch
    {
        SqliteClassifiedArticleStore => StoreFactory.SiblingOf<SqliteCodedEventStore>(store),
        _ => StoreFactory.SiblingOf<MongoCodedEventStore>(store),
    };

    private static List<string> Ids(IReadOnlyList<ClassifiedArticle> documents) => documents.Select(d => d.ArticleId).ToList();
}

public sealed class SqliteClassifiedArticleStoreTests : ClassifiedArticleStoreContract
{
    protected override async Task<IClassifiedArticleStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteClassifiedArticleStore>();
}

public sealed class MongoClassifiedArticleStoreTests(MongoServer mongo) : ClassifiedArticleStoreContract
{
    protected override async Task<IClassifiedArticleStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoClassifiedArticleStore>(mongo);

    [Fact]
    public async Task The_topic_index_is_on_the_field_a_topic_id_is_stored_under()
    {
        var database = mongo.FreshDatabase();
        var store = new MongoClassifiedArticleStore(database);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        await store.TryInsertAsync(new ClassifiedArticle
        {
            ArticleId = "a1", StoryId = "s1", Title = "t", Source = "test", Language = "en",
            IngestedAt = Times.At(0), ClassifiedAt = Times.At(1),
            Topics = [new TopicScore { Id = "sanctions", Score = 3 }], Countries = ["IRN"],
        }, [], Announcement(), TestContext.Current.CancellationToken);

        var collection = database.GetCollection<BsonDocument>("classify_events");
        var topic = (await collection.Find(FilterDefinition<BsonDocument>.Empty).FirstAsync(TestContext.Current.CancellationToken))["Topics"][0].AsBsonDocument;
        var idField = topic.Names.Single(name => topic[name] == "sanctions");
        var indexedFields = (await (await collection.Indexes.ListAsync(TestContext.Current.CancellationToken)).ToListAsync(TestContext.Current.CancellationToken))
            .SelectMany(index => index["key"].AsBsonDocument.Names).ToList();

        Assert.Contains("Topics." + idField, indexedFields);
        Assert.DoesNotContain(indexedFields, field => field.StartsWith("Topics.", StringComparison.Ordinal) && field != "Topics." + idField);
    }
}
