using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Storage;
using Monitoring.Contracts;

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

        var (inserted, stored) = await store.TryInsertAsync(document, Ct);

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

        await store.TryInsertAsync(document, Ct);

        Json.AssertEquivalent(document, await store.GetAsync("e1", Ct));
    }

    [Fact]
    public async Task An_article_has_one_event_document_the_first_one()
    {
        var store = await CreateStoreAsync();
        var first = Event("a1", 5, ["CHN"], "diplomacy");
        await store.TryInsertAsync(first, Ct);

        var (inserted, stored) = await store.TryInsertAsync(Event("a1", 9, ["USA"], "cybersecurity"), Ct);

        Assert.False(inserted);
        Json.AssertEquivalent(first, stored);
    }

    [Fact]
    public async Task Listing_filters_by_country_and_topic_newest_first()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(Event("old", 1, ["CHN", "RUS"], "diplomacy"), Ct);
        await store.TryInsertAsync(Event("new", 3, ["CHN"], "law-enforcement"), Ct);
        await store.TryInsertAsync(Event("other", 2, ["USA"], "diplomacy"), Ct);

        Assert.Equal(["new", "other", "old"], Ids(await store.ListAsync(new ClassifiedArticleQuery(), Ct)));
        Assert.Equal(["new", "old"], Ids(await store.ListAsync(new ClassifiedArticleQuery(Country: "CHN"), Ct)));
        Assert.Equal(["other", "old"], Ids(await store.ListAsync(new ClassifiedArticleQuery(Topic: "diplomacy"), Ct)));
        Assert.Equal(["old"], Ids(await store.ListAsync(new ClassifiedArticleQuery(Country: "RUS", Topic: "diplomacy"), Ct)));
        Assert.Equal(["new"], Ids(await store.ListAsync(new ClassifiedArticleQuery(Limit: 1), Ct)));
    }

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
        }, TestContext.Current.CancellationToken);

        var collection = database.GetCollection<BsonDocument>("classify_events");
        var topic = (await collection.Find(FilterDefinition<BsonDocument>.Empty).FirstAsync(TestContext.Current.CancellationToken))["Topics"][0].AsBsonDocument;
        var idField = topic.Names.Single(name => topic[name] == "sanctions");
        var indexedFields = (await (await collection.Indexes.ListAsync(TestContext.Current.CancellationToken)).ToListAsync(TestContext.Current.CancellationToken))
            .SelectMany(index => index["key"].AsBsonDocument.Names).ToList();

        Assert.Contains("Topics." + idField, indexedFields);
        Assert.DoesNotContain(indexedFields, field => field.StartsWith("Topics.", StringComparison.Ordinal) && field != "Topics." + idField);
    }
}
