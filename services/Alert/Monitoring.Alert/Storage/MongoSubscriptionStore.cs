using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Subscriptions;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

public sealed class MongoSubscriptionStore(IMongoDatabase database) : ISubscriptionStore, IStoreInitializer
{
    private readonly IMongoCollection<SubscriptionRecord> _subscriptions = database.GetCollection<SubscriptionRecord>("alert_subscriptions");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _subscriptions.Indexes.CreateOneAsync(
            new CreateIndexModel<SubscriptionRecord>(
                Builders<SubscriptionRecord>.IndexKeys.Ascending(s => s.AnalystId).Ascending(s => s.CreatedAt), new CreateIndexOptions { Name = "analyst_created_at" }),
            cancellationToken: cancellationToken);

    public Task InsertAsync(Subscription subscription, CancellationToken cancellationToken) =>
        _subscriptions.InsertOneAsync(SubscriptionRecord.From(subscription), cancellationToken: cancellationToken);

    public async Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var record = SubscriptionRecord.From(subscription);
        var update = Builders<SubscriptionRecord>.Update
            .Set(s => s.Name, record.Name).Set(s => s.Topics, record.Topics).Set(s => s.Countries, record.Countries)
            .Set(s => s.Keywords, record.Keywords).Set(s => s.WebhookUrl, record.WebhookUrl).Set(s => s.Definition, record.Definition);
        var result = await _subscriptions.UpdateOneAsync(s => s.Id == subscription.SubscriptionId && s.AnalystId == subscription.AnalystId, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<Subscription?> GetAsync(string analystId, string subscriptionId, CancellationToken cancellationToken) =>
        (await _subscriptions.Find(s => s.Id == subscriptionId && s.AnalystId == analystId).FirstOrDefaultAsync(cancellationToken))?.ToSubscription();

    public async Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) =>
        (await _subscriptions.Find(s => s.Id == subscriptionId).FirstOrDefaultAsync(cancellationToken))?.ToSubscription();

    public async Task<IReadOnlyList<Subscription>> ListAsync(string analystId, CancellationToken cancellationToken) =>
        (await _subscriptions.Find(s => s.AnalystId == analystId).SortBy(s => s.CreatedAt).ToListAsync(cancellationToken)).Select(s => s.ToSubscription()).ToList();

    public async Task<bool> DeleteAsync(string analystId, string subscriptionId, CancellationToken cancellationToken) =>
        (await _subscriptions.DeleteOneAsync(s => s.Id == subscriptionId && s.AnalystId == analystId, cancellationToken)).DeletedCount == 1;

    public async Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken) =>
        (await _subscriptions.Find(FilterDefinition<SubscriptionRecord>.Empty).ToListAsync(cancellationToken)).Select(s => s.ToSubscription()).ToList();

    private sealed class SubscriptionRecord
    {
        [BsonId] public required string Id { get; init; }
        public required string AnalystId { get; init; }
        public required string Name { get; init; }
        public required List<string> Topics { get; init; }
        public required List<string> Countries { get; init; }
        public required List<string> Keywords { get; init; }
        public string? WebhookUrl { get; init; }

        /// <summary>JSON, as in SQLite: nothing filters on it, and one serializer keeps both stores' time and enum formats identical.</summary>
        public string? Definition { get; init; }

        public string? SigningSecret { get; init; }
        public DateTime CreatedAt { get; init; }

        public static SubscriptionRecord From(Subscription s) => new()
        {
            Id = s.SubscriptionId, AnalystId = s.AnalystId, Name = s.Name, Topics = s.Topics.ToList(), Countries = s.Countries.ToList(),
            Keywords = s.Keywords.ToList(), WebhookUrl = s.WebhookUrl, Definition = SubscriptionDefinition.Serialize(s), SigningSecret = s.SigningSecret,
            CreatedAt = s.CreatedAt.UtcDateTime,
        };

        public Subscription ToSubscription() => SubscriptionDefinition.Apply(new Subscription
        {
            SubscriptionId = Id, AnalystId = AnalystId, Name = Name, Topics = Topics, Countries = Countries, Keywords = Keywords,
            SigningSecret = SigningSecret, CreatedAt = CreatedAt.ToUtcOffset(),
        }, Definition, WebhookUrl);
    }
}
