using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Alerts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

public sealed class MongoAlertStore(IMongoDatabase database) : IAlertStore, IStoreInitializer
{
    private readonly IMongoCollection<AlertDocument> _alerts = database.GetCollection<AlertDocument>("alert_alerts");

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<AlertDocument>.IndexKeys;
        return _alerts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<AlertDocument>(keys.Ascending(a => a.SubscriptionId).Ascending(a => a.ArticleId), new CreateIndexOptions { Unique = true, Name = "subscription_article_unique" }),
            new CreateIndexModel<AlertDocument>(keys.Ascending(a => a.AnalystId).Descending(a => a.RaisedAt), new CreateIndexOptions { Name = "analyst_raised_at" }),
        ], cancellationToken);
    }

    public async Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        try
        {
            await _alerts.InsertOneAsync(AlertDocument.From(alert), cancellationToken: cancellationToken);
            return (true, alert);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            var existing = await _alerts
                .Find(a => a.Id == alert.AlertId || (a.SubscriptionId == alert.SubscriptionId && a.ArticleId == alert.ArticleId))
                .FirstAsync(cancellationToken);
            return (false, existing.ToAlert());
        }
    }

    public async Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken) =>
        (await _alerts.Find(a => a.Id == alertId && a.AnalystId == analystId).FirstOrDefaultAsync(cancellationToken))?.ToAlert();

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string analystId, int limit, CancellationToken cancellationToken) =>
        (await _alerts.Find(a => a.AnalystId == analystId).SortByDescending(a => a.RaisedAt).Limit(limit).ToListAsync(cancellationToken))
            .Select(a => a.ToAlert()).ToList();

    public async Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = await _alerts.FindOneAndUpdateAsync<AlertDocument>(
            a => a.Id == alertId && a.DeliveryStatus == DeliveryStatus.Pending && (a.LeaseUntil == null || a.LeaseUntil < now.UtcDateTime),
            Builders<AlertDocument>.Update.Set(a => a.LeaseUntil, leaseUntil.UtcDateTime).Inc(a => a.DeliveryAttempts, 1),
            new FindOneAndUpdateOptions<AlertDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return claimed?.ToAlert();
    }

    public Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        var update = Builders<AlertDocument>.Update.Set(a => a.DeliveryStatus, status).Set(a => a.LeaseUntil, null).Set(a => a.LastError, error);
        if (status == DeliveryStatus.Delivered) update = update.Set(a => a.DeliveredAt, at.UtcDateTime);
        return _alerts.UpdateOneAsync(a => a.Id == alertId, update, cancellationToken: cancellationToken);
    }

    public Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(
            a => a.Id == alertId && a.DeliveryStatus == DeliveryStatus.Pending,
            Builders<AlertDocument>.Update.Set(a => a.DeliveryStatus, DeliveryStatus.Failed).Set(a => a.LeaseUntil, null).Set(a => a.LastError, error),
            cancellationToken: cancellationToken);

    private sealed class AlertDocument
    {
        [BsonId] public required string Id { get; init; }
        public required string SubscriptionId { get; init; }
        public required string AnalystId { get; init; }
        public required string ArticleId { get; init; }
        public required string StoryId { get; init; }
        public string? Title { get; init; }
        public string? Url { get; init; }
        public required List<string> Topics { get; init; }
        public required List<string> Countries { get; init; }
        public string? WebhookUrl { get; init; }
        public DateTime ArticleIngestedAt { get; init; }
        public DateTime RaisedAt { get; init; }

        [BsonRepresentation(MongoDB.Bson.BsonType.String)]
        public DeliveryStatus DeliveryStatus { get; init; }

        public int DeliveryAttempts { get; init; }
        public DateTime? DeliveredAt { get; init; }
        public string? LastError { get; init; }
        public DateTime? LeaseUntil { get; init; }

        public static AlertDocument From(AlertRecord a) => new()
        {
            Id = a.AlertId, SubscriptionId = a.SubscriptionId, AnalystId = a.AnalystId, ArticleId = a.ArticleId, StoryId = a.StoryId,
            Title = a.Title, Url = a.Url, Topics = a.Topics.ToList(), Countries = a.Countries.ToList(), WebhookUrl = a.WebhookUrl,
            ArticleIngestedAt = a.ArticleIngestedAt.UtcDateTime, RaisedAt = a.RaisedAt.UtcDateTime, DeliveryStatus = a.DeliveryStatus,
            DeliveryAttempts = a.DeliveryAttempts, DeliveredAt = a.DeliveredAt?.UtcDateTime, LastError = a.LastError,
        };

        public AlertRecord ToAlert() => new()
        {
            AlertId = Id, SubscriptionId = SubscriptionId, AnalystId = AnalystId, ArticleId = ArticleId, StoryId = StoryId, Title = Title, Url = Url,
            Topics = Topics, Countries = Countries, WebhookUrl = WebhookUrl, ArticleIngestedAt = ArticleIngestedAt.ToUtcOffset(), RaisedAt = RaisedAt.ToUtcOffset(),
            DeliveryStatus = DeliveryStatus, DeliveryAttempts = DeliveryAttempts, DeliveredAt = DeliveredAt?.ToUtcOffset(), LastError = LastError,
        };
    }
}
