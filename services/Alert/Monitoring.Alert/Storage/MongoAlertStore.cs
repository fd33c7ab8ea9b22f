using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Alert.Alerts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Alerts in <c>alert_story_alerts</c>: one document per subscription and story.</summary>
public sealed class MongoAlertStore : IAlertStore, IStoreInitializer
{
    /// <summary>The store's own fields beside the record's: the articles counted (so none counts twice) and until when a delivery holds the alert.</summary>
    public const string ArticleIds = "ArticleIds";
    public const string LeaseUntil = "LeaseUntil";

    private static readonly FilterDefinitionBuilder<AlertRecord> Filter = Builders<AlertRecord>.Filter;
    private static readonly UpdateDefinitionBuilder<AlertRecord> Update = Builders<AlertRecord>.Update;
    private static readonly FindOneAndUpdateOptions<AlertRecord> ReturnAfter = new() { ReturnDocument = ReturnDocument.After };

    private readonly IMongoCollection<AlertRecord> _alerts;
    private readonly IMongoCollection<BsonDocument> _documents;

    public MongoAlertStore(IMongoDatabase database)
    {
        AlertBsonMaps.Register();
        _alerts = database.GetCollection<AlertRecord>("alert_story_alerts");
        _documents = database.GetCollection<BsonDocument>("alert_story_alerts");
    }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<AlertRecord>.IndexKeys;
        return _alerts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<AlertRecord>(keys.Ascending(a => a.SubscriptionId).Ascending(a => a.StoryId), new CreateIndexOptions { Unique = true, Name = "subscription_story_unique" }),
            new CreateIndexModel<AlertRecord>(keys.Ascending(a => a.AnalystId).Descending(a => a.RaisedAt), new CreateIndexOptions { Name = "analyst_raised_at" }),
            new CreateIndexModel<AlertRecord>(keys.Ascending(a => a.DeliveryStatus).Ascending(a => a.DueAt), new CreateIndexOptions { Name = "status_due_at" }),
        ], cancellationToken);
    }

    public async Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, CancellationToken cancellationToken)
    {
        try
        {
            await _documents.InsertOneAsync(ToDocument(alert), cancellationToken: cancellationToken);
            return (true, alert);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            var existing = await _alerts
                .Find(a => a.AlertId == alert.AlertId || (a.SubscriptionId == alert.SubscriptionId && a.StoryId == alert.StoryId))
                .FirstAsync(cancellationToken);
            return (false, existing);
        }
    }

    public async Task<AlertRecord?> AddArticleAsync(string alertId, StoryArticle article, CancellationToken cancellationToken)
    {
        var update = Update.Push(ArticleIds, article.ArticleId).Inc(a => a.ArticleCount, 1)
            .Set(a => a.LatestArticleId, article.ArticleId).Set(a => a.LatestTitle, article.Title).Set(a => a.LatestUrl, article.Url)
            .Set(a => a.UpdatedAt, article.At);
        if (article.Source is not null) update = update.AddToSet(a => a.Outlets, article.Source);
        return await _alerts.FindOneAndUpdateAsync(
            Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.NotRelevantAt, null) & Filter.Ne(ArticleIds, article.ArticleId),
            update, ReturnAfter, cancellationToken);
    }

    public async Task<AlertRecord?> RequeueAsync(string alertId, DeliveryStatus status, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        return await _alerts.FindOneAndUpdateAsync(
            Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.NotRelevantAt, null)
                & Filter.In(a => a.DeliveryStatus, [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.NotRequired]),
            Update.Set(a => a.DeliveryStatus, status).Set(a => a.DueAt, dueAt).Set(a => a.DeliveredChannels, [])
                .Set(a => a.LastError, null).Set(a => a.DeliveryAttempts, 0).Set(LeaseUntil, BsonNull.Value),
            ReturnAfter, cancellationToken);
    }

    public async Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken) =>
        await _alerts.Find(a => a.AlertId == alertId && a.AnalystId == analystId).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string analystId, int limit, CancellationToken cancellationToken) =>
        await _alerts.Find(a => a.AnalystId == analystId).SortByDescending(a => a.RaisedAt).Limit(limit).ToListAsync(cancellationToken);

    public async Task<bool> MarkNotRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var owned = Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.AnalystId, analystId);
        var result = await _alerts.UpdateOneAsync(owned, Update.Set(a => a.FeedbackComment, comment), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0) return false;
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.NotRelevantAt, null), Update.Set(a => a.NotRelevantAt, at).Set(a => a.RelevantAt, (DateTimeOffset?)null), cancellationToken: cancellationToken);
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Scheduled), Update.Set(a => a.DeliveryStatus, DeliveryStatus.NotRequired), cancellationToken: cancellationToken);
        return true;
    }

    public async Task<bool> MarkRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var owned = Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.AnalystId, analystId);
        var result = await _alerts.UpdateOneAsync(owned, Update.Set(a => a.FeedbackComment, comment).Set(a => a.NotRelevantAt, (DateTimeOffset?)null), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0) return false;
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.RelevantAt, null), Update.Set(a => a.RelevantAt, at), cancellationToken: cancellationToken);
        return true;
    }

    public async Task<bool> ClearFeedbackAsync(string analystId, string alertId, CancellationToken cancellationToken)
    {
        var result = await _alerts.UpdateOneAsync(
            Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.AnalystId, analystId),
            Update.Set(a => a.FeedbackComment, null).Set(a => a.NotRelevantAt, (DateTimeOffset?)null).Set(a => a.RelevantAt, (DateTimeOffset?)null), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<IReadOnlyList<AlertRecord>> ListFeedbackAsync(string analystId, string? topic, int limit, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq(a => a.AnalystId, analystId) & (Filter.Ne(a => a.RelevantAt, null) | Filter.Ne(a => a.NotRelevantAt, null));
        if (topic is not null) filter &= Filter.AnyEq(a => a.Topics, topic);
        return await _alerts.Find(filter).SortByDescending(a => a.RaisedAt).Limit(limit).ToListAsync(cancellationToken);
    }

    public async Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        return await _alerts.FindOneAndUpdateAsync(
            Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Pending)
                & (Filter.Eq(LeaseUntil, BsonNull.Value) | Filter.Lt(LeaseUntil, now.UtcDateTime)),
            Update.Set(LeaseUntil, leaseUntil.UtcDateTime).Inc(a => a.DeliveryAttempts, 1),
            ReturnAfter,
            cancellationToken);
    }

    public Task MarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(a => a.AlertId == alertId, Update.AddToSet(a => a.DeliveredChannels, channel), cancellationToken: cancellationToken);

    public Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        var update = Update.Set(a => a.DeliveryStatus, status).Set(LeaseUntil, BsonNull.Value).Set(a => a.LastError, error);
        if (status == DeliveryStatus.Delivered) update = update.Set(a => a.DeliveredAt, at);
        return _alerts.UpdateOneAsync(a => a.AlertId == alertId, update, cancellationToken: cancellationToken);
    }

    public Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(
            a => a.AlertId == alertId && a.DeliveryStatus == DeliveryStatus.Pending,
            Update.Set(a => a.DeliveryStatus, DeliveryStatus.Failed).Set(LeaseUntil, BsonNull.Value).Set(a => a.LastError, error),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<AlertRecord>> ReleaseDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // One document at a time: each compare-and-set hands an alert to exactly one caller.
        var released = new List<AlertRecord>();
        while (released.Count < limit)
        {
            var next = await _alerts.FindOneAndUpdateAsync(
                Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Scheduled) & Filter.Lte(a => a.DueAt, now),
                Update.Set(a => a.DeliveryStatus, DeliveryStatus.Pending),
                new FindOneAndUpdateOptions<AlertRecord> { ReturnDocument = ReturnDocument.After, Sort = Builders<AlertRecord>.Sort.Ascending(a => a.DueAt) },
                cancellationToken);
            if (next is null) break;
            released.Add(next);
        }

        return released;
    }

    /// <summary>The record's fields and the first counted article; no lease yet.</summary>
    public static BsonDocument ToDocument(AlertRecord alert)
    {
        var document = alert.ToBsonDocument();
        document[ArticleIds] = new BsonArray { alert.ArticleId };
        document[LeaseUntil] = BsonNull.Value;
        return document;
    }
}
