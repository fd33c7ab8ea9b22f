using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Storage;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Storage;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Storage;
using Monitoring.Ingest.Stories;
using static Monitoring.Monitor.Tests.StoredLayout.StoredLayoutSamples;

namespace Monitoring.Monitor.Tests.StoredLayout;

/// <summary>
/// The MongoDB documents written before issue 14 (<c>Layout/mongo/</c>, by the private copy classes of then) read back
/// through today's class maps, every collection; and today's records are written as the same documents. No server is
/// needed: this is the mapping itself. The stores' queries run against a real server in the contract suites.
/// </summary>
public sealed class MongoStoredLayoutTests
{
    static MongoStoredLayoutTests()
    {
        IngestBsonMaps.Register();
        ClassifyBsonMaps.Register();
        AlertBsonMaps.Register();
    }

    private static List<BsonDocument> Documents(string collection) =>
        BsonDocument.Parse(File.ReadAllText(Fixture("mongo", collection + ".json")))["documents"].AsBsonArray.Select(d => d.AsBsonDocument).ToList();

    /// <summary>Field by field, in any order; <paramref name="storeOwned"/> are fields the store sets by updates, not from the record.</summary>
    private static void AssertSameDocument(BsonDocument expected, BsonDocument written, params string[] storeOwned) =>
        Assert.Equal(Canonical(expected, storeOwned).ToJson(), Canonical(written, storeOwned).ToJson());

    private static BsonDocument Canonical(BsonDocument document, string[] without) =>
        new(document.Elements.Where(e => !without.Contains(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new BsonElement(e.Name, Canonical(e.Value))));

    private static BsonValue Canonical(BsonValue value) => value switch
    {
        BsonDocument document => Canonical(document, []),
        BsonArray array => new BsonArray(array.Select(Canonical)),
        _ => value,
    };

    private static void AssertReadsAndWrites<T>(string collection, params T[] expected)
    {
        var documents = Documents(collection);
        Assert.Equal(expected.Length, documents.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Json.AssertSameInstants(expected[i], BsonSerializer.Deserialize<T>(documents[i]));
            AssertSameDocument(documents[i], expected[i].ToBsonDocument());
        }
    }

    [Fact]
    public void Articles() => AssertReadsAndWrites("ingest_articles", Article, BareArticle);

    [Fact]
    public void Sources() => AssertReadsAndWrites("ingest_sources", Source, BareSource);

    [Fact]
    public void Seen_items_keep_their_id()
    {
        var item = Assert.Single(Documents("ingest_source_items"));

        Assert.Equal(item["_id"].AsString, MongoSourceStore.SeenItemId(Source.Id, SeenItemKey));
        Assert.Equal(Source.Id, item["SourceId"].AsString);
    }

    [Fact]
    public void Story_members()
    {
        AssertReadsAndWrites("ingest_story_members", Member);
        Assert.Equal(Member.Signature, BsonSerializer.Deserialize<StoryMember>(Documents("ingest_story_members")[0]).Signature);
    }

    [Fact]
    public void Classified_articles() => AssertReadsAndWrites("classify_events", Classified, BareClassified);

    [Fact]
    public void Coded_events() => AssertReadsAndWrites("classify_coded_events", Coded, BareCoded);

    [Fact]
    public void Analysts() => AssertReadsAndWrites("alert_analysts", StoredLayoutSamples.Analyst);

    [Fact]
    public void Subscriptions_with_their_definition()
    {
        var documents = Documents("alert_subscriptions");

        var subscription = MongoSubscriptionStore.FromDocument(documents[0]);
        Json.AssertSameInstants(Subscription, subscription);
        Assert.Equal(Subscription.SigningSecret, subscription.SigningSecret);
        Json.AssertSameInstants(BareSubscription, MongoSubscriptionStore.FromDocument(documents[1]));
        AssertSameDocument(documents[0], MongoSubscriptionStore.ToDocument(Subscription));
        AssertSameDocument(documents[1], MongoSubscriptionStore.ToDocument(BareSubscription));
    }

    [Fact]
    public void Alerts_with_the_fields_only_the_store_writes()
    {
        var documents = Documents("alert_story_alerts");

        Json.AssertSameInstants(UpdatedAlert, BsonSerializer.Deserialize<AlertRecord>(documents[0]));
        Json.AssertSameInstants(NotRelevantAlert, BsonSerializer.Deserialize<AlertRecord>(documents[1]));

        // A new alert is written as the first version wrote one: its article counted, no lease; beside them now, since
        // when it waits for a delivery (the sweeper's field, which documents of the first version lack).
        var inserted = MongoAlertStore.ToDocument(NotRelevantAlert);
        AssertSameDocument(documents[1], inserted, MongoAlertStore.PendingSince);
        Assert.Equal(NotRelevantAlert.RaisedAt.UtcDateTime, inserted[MongoAlertStore.PendingSince].ToUniversalTime());
        Assert.Equal(new BsonArray { "a-bare" }, inserted[MongoAlertStore.ArticleIds]);
        AssertSameDocument(documents[0], MongoAlertStore.ToDocument(UpdatedAlert), MongoAlertStore.ArticleIds, MongoAlertStore.LeaseUntil, MongoAlertStore.PendingSince);
    }
}
