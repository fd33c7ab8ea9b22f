using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Monitoring.Alert.Subscriptions;
using Monitoring.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Storage;

public sealed class MongoSubscriptionStore : ISubscriptionStore, IStoreInitializer
{
    private const string Definition = "Definition";
    private const string WebhookUrl = "WebhookUrl";

    private readonly IMongoCollection<Subscription> _subscriptions;
    private readonly IMongoCollection<BsonDocument> _documents;

    public MongoSubscriptionStore(IMongoDatabase database)
    {
        AlertBsonMaps.Register();
        _subscriptions = database.GetCollection<Subscription>("alert_subscriptions");
        _documents = database.GetCollection<BsonDocument>("alert_subscriptions");
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _subscriptions.Indexes.CreateOneAsync(
            new CreateIndexModel<Subscription>(
                Builders<Subscription>.IndexKeys.Ascending(s => s.AnalystId).Ascending(s => s.CreatedAt), new CreateIndexOptions { Name = "analyst_created_at" }),
            cancellationToken: cancellationToken);

    public Task InsertAsync(Subscription subscription, CancellationToken cancellationToken) =>
        _documents.InsertOneAsync(ToDocument(subscription), cancellationToken: cancellationToken);

    public async Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var update = Builders<Subscription>.Update
            .Set(s => s.Name, subscription.Name).Set(s => s.Topics, subscription.Topics).Set(s => s.Countries, subscription.Countries)
            .Set(s => s.Keywords, subscription.Keywords).Set(WebhookUrl, subscription.WebhookUrl).Set(Definition, SubscriptionDefinition.Serialize(subscription));
        var result = await _subscriptions.UpdateOneAsync(s => s.SubscriptionId == subscription.SubscriptionId && s.AnalystId == subscription.AnalystId, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<Subscription?> GetAsync(string analystId, string subscriptionId, CancellationToken cancellationToken) =>
        await FirstAsync(s => s.SubscriptionId == subscriptionId && s.AnalystId == analystId, cancellationToken);

    public async Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) =>
        await FirstAsync(s => s.SubscriptionId == subscriptionId, cancellationToken);

    public async Task<Page<Subscription>> ListAsync(string analystId, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Builders<Subscription>.Filter;
        var where = filter.Eq(s => s.AnalystId, analystId);
        if (page.AfterKeys(2) is [var createdAt, var lastId])
        {
            var at = PageCursor.Instant(createdAt, page.After!);
            where &= filter.Gt(s => s.CreatedAt, at) | (filter.Eq(s => s.CreatedAt, at) & filter.Gt(s => s.SubscriptionId, lastId));
        }

        var rows = (await _subscriptions.Find(where).SortBy(s => s.CreatedAt).ThenBy(s => s.SubscriptionId).Limit(page.Limit + 1)
            .As<BsonDocument>().ToListAsync(cancellationToken)).Select(FromDocument).ToList();
        return Page.From(rows, page.Limit, s => [PageCursor.Key(s.CreatedAt), s.SubscriptionId]);
    }

    public async Task<int> CountAsync(string analystId, CancellationToken cancellationToken) =>
        (int)await _subscriptions.CountDocumentsAsync(s => s.AnalystId == analystId, cancellationToken: cancellationToken);

    public async Task<bool> DeleteAsync(string analystId, string subscriptionId, CancellationToken cancellationToken) =>
        (await _subscriptions.DeleteOneAsync(s => s.SubscriptionId == subscriptionId && s.AnalystId == analystId, cancellationToken)).DeletedCount == 1;

    public async Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken) =>
        (await _documents.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(cancellationToken)).Select(FromDocument).ToList();

    /// <summary>The subscription's fields, plus its definition as JSON (one serializer keeps both stores' formats identical) and its first webhook.</summary>
    public static BsonDocument ToDocument(Subscription subscription)
    {
        var document = subscription.ToBsonDocument();
        document[WebhookUrl] = subscription.WebhookUrl is { } url ? url : BsonNull.Value;
        document[Definition] = SubscriptionDefinition.Serialize(subscription);
        return document;
    }

    public static Subscription FromDocument(BsonDocument document) =>
        SubscriptionDefinition.Apply(BsonSerializer.Deserialize<Subscription>(document), StringOrNull(document, Definition), StringOrNull(document, WebhookUrl));

    private async Task<Subscription?> FirstAsync(System.Linq.Expressions.Expression<Func<Subscription, bool>> filter, CancellationToken cancellationToken) =>
        await _subscriptions.Find(filter).As<BsonDocument>().FirstOrDefaultAsync(cancellationToken) is { } document ? FromDocument(document) : null;

    private static string? StringOrNull(BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsString ? value.AsString : null;
}
