using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Alerts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Alerts in <c>alert_story_alerts</c>: one document per subscription and story.</summary>
public sealed class MongoAlertStore(IMongoDatabase database) : IAlertStore, IStoreInitializer
{
    private static readonly FilterDefinitionBuilder<AlertDocument> Filter = Builders<AlertDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<AlertDocument> Update = Builders<AlertDocument>.Update;
    private static readonly FindOneAndUpdateOptions<AlertDocument> ReturnAfter = new() { ReturnDocument = ReturnDocument.After };

    private readonly IMongoCollection<AlertDocument> _alerts = database.GetCollection<AlertDocument>("alert_story_alerts");

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<AlertDocument>.IndexKeys;
        return _alerts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<AlertDocument>(keys.Ascending(a => a.SubscriptionId).Ascending(a => a.StoryId), new CreateIndexOptions { Unique = true, Name = "subscription_story_unique" }),
            new CreateIndexModel<AlertDocument>(keys.Ascending(a => a.AnalystId).Descending(a => a.RaisedAt), new CreateIndexOptions { Name = "analyst_raised_at" }),
            new CreateIndexModel<AlertDocument>(keys.Ascending(a => a.DeliveryStatus).Ascending(a => a.DueAt), new CreateIndexOptions { Name = "status_due_at" }),
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
                .Find(a => a.Id == alert.AlertId || (a.SubscriptionId == alert.SubscriptionId && a.StoryId == alert.StoryId))
                .FirstAsync(cancellationToken);
            return (false, existing.ToAlert());
        }
    }

    public async Task<AlertRecord?> AddArticleAsync(string alertId, StoryArticle article, CancellationToken cancellationToken)
    {
        var update = Update.Push(a => a.ArticleIds, article.ArticleId).Inc(a => a.ArticleCount, 1)
            .Set(a => a.LatestArticleId, article.ArticleId).Set(a => a.LatestTitle, article.Title).Set(a => a.LatestUrl, article.Url)
            .Set(a => a.UpdatedAt, article.At.UtcDateTime);
        if (article.Source is not null) update = update.AddToSet(a => a.Outlets, article.Source);
        var updated = await _alerts.FindOneAndUpdateAsync(
            Filter.Eq(a => a.Id, alertId) & Filter.Eq(a => a.NotRelevantAt, null) & Filter.Not(Filter.AnyEq(a => a.ArticleIds, article.ArticleId)),
            update, ReturnAfter, cancellationToken);
        return updated?.ToAlert();
    }

    public async Task<AlertRecord?> RequeueAsync(string alertId, DeliveryStatus status, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var updated = await _alerts.FindOneAndUpdateAsync(
            Filter.Eq(a => a.Id, alertId) & Filter.Eq(a => a.NotRelevantAt, null)
                & Filter.In(a => a.DeliveryStatus, [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.NotRequired]),
            Update.Set(a => a.DeliveryStatus, status).Set(a => a.DueAt, dueAt?.UtcDateTime).Set(a => a.DeliveredChannels, [])
                .Set(a => a.LastError, null).Set(a => a.DeliveryAttempts, 0).Set(a => a.LeaseUntil, null),
            ReturnAfter, cancellationToken);
        return updated?.ToAlert();
    }

    public async Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken) =>
        (await _alerts.Find(a => a.Id == alertId && a.AnalystId == analystId).FirstOrDefaultAsync(cancellationToken))?.ToAlert();

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string analystId, int limit, CancellationToken cancellationToken) =>
        (await _alerts.Find(a => a.AnalystId == analystId).SortByDescending(a => a.RaisedAt).Limit(limit).ToListAsync(cancellationToken))
            .Select(a => a.ToAlert()).ToList();

    public async Task<bool> MarkNotRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var owned = Filter.Eq(a => a.Id, alertId) & Filter.Eq(a => a.AnalystId, analystId);
        var result = await _alerts.UpdateOneAsync(owned, Update.Set(a => a.FeedbackComment, comment), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0) return false;
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.NotRelevantAt, null), Update.Set(a => a.NotRelevantAt, at.UtcDateTime).Set(a => a.RelevantAt, null), cancellationToken: cancellationToken);
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Scheduled), Update.Set(a => a.DeliveryStatus, DeliveryStatus.NotRequired), cancellationToken: cancellationToken);
        return true;
    }

    public async Task<bool> MarkRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var owned = Filter.Eq(a => a.Id, alertId) & Filter.Eq(a => a.AnalystId, analystId);
        var result = await _alerts.UpdateOneAsync(owned, Update.Set(a => a.FeedbackComment, comment).Set(a => a.NotRelevantAt, null), cancellationToken: cancellationToken);
        if (result.MatchedCount == 0) return false;
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.RelevantAt, null), Update.Set(a => a.RelevantAt, at.UtcDateTime), cancellationToken: cancellationToken);
        return true;
    }

    public async Task<bool> ClearFeedbackAsync(string analystId, string alertId, CancellationToken cancellationToken)
    {
        var result = await _alerts.UpdateOneAsync(
            Filter.Eq(a => a.Id, alertId) & Filter.Eq(a => a.AnalystId, analystId),
            Update.Set(a => a.FeedbackComment, null).Set(a => a.NotRelevantAt, null).Set(a => a.RelevantAt, null), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<IReadOnlyList<AlertRecord>> ListFeedbackAsync(string analystId, string? topic, int limit, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq(a => a.AnalystId, analystId) & (Filter.Ne(a => a.RelevantAt, null) | Filter.Ne(a => a.NotRelevantAt, null));
        if (topic is not null) filter &= Filter.AnyEq(a => a.Topics, topic);
        var documents = await _alerts.Find(filter).SortByDescending(a => a.RaisedAt).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToAlert()).ToList();
    }

    public async Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = await _alerts.FindOneAndUpdateAsync<AlertDocument>(
            a => a.Id == alertId && a.DeliveryStatus == DeliveryStatus.Pending && (a.LeaseUntil == null || a.LeaseUntil < now.UtcDateTime),
            Update.Set(a => a.LeaseUntil, leaseUntil.UtcDateTime).Inc(a => a.DeliveryAttempts, 1),
            ReturnAfter,
            cancellationToken);
        return claimed?.ToAlert();
    }

    public Task MarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(a => a.Id == alertId, Update.AddToSet(a => a.DeliveredChannels, channel), cancellationToken: cancellationToken);

    public Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken)
    {
        var update = Update.Set(a => a.DeliveryStatus, status).Set(a => a.LeaseUntil, null).Set(a => a.LastError, error);
        if (status == DeliveryStatus.Delivered) update = update.Set(a => a.DeliveredAt, at.UtcDateTime);
        return _alerts.UpdateOneAsync(a => a.Id == alertId, update, cancellationToken: cancellationToken);
    }

    public Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(
            a => a.Id == alertId && a.DeliveryStatus == DeliveryStatus.Pending,
            Update.Set(a => a.DeliveryStatus, DeliveryStatus.Failed).Set(a => a.LeaseUntil, null).Set(a => a.LastError, error),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<AlertRecord>> ReleaseDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // One document at a time: each compare-and-set hands an alert to exactly one caller.
        var released = new List<AlertRecord>();
        while (released.Count < limit)
        {
            var next = await _alerts.FindOneAndUpdateAsync(
                Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Scheduled) & Filter.Lte(a => a.DueAt, now.UtcDateTime),
                Update.Set(a => a.DeliveryStatus, DeliveryStatus.Pending),
                new FindOneAndUpdateOptions<AlertDocument> { ReturnDocument = ReturnDocument.After, Sort = Builders<AlertDocument>.Sort.Ascending(a => a.DueAt) },
                cancellationToken);
            if (next is null) break;
            released.Add(next.ToAlert());
        }

        return released;
    }

    private sealed class AlertDocument
    {
        [BsonId] public required string Id { get; init; }
        public required string SubscriptionId { get; init; }
        public required string AnalystId { get; init; }
        public required string StoryId { get; init; }
        public required string ArticleId { get; init; }
        public string? Title { get; init; }
        public string? Url { get; init; }
        public required List<string> Topics { get; init; }
        public required List<string> Countries { get; init; }
        public int ArticleCount { get; init; }
        public required List<string> Outlets { get; init; }
        public required List<string> ArticleIds { get; init; }
        public string? LatestArticleId { get; init; }
        public string? LatestTitle { get; init; }
        public string? LatestUrl { get; init; }
        public DateTime? UpdatedAt { get; init; }
        public bool Urgent { get; init; }
        public DateTime ArticleIngestedAt { get; init; }
        public DateTime RaisedAt { get; init; }

        [BsonRepresentation(MongoDB.Bson.BsonType.String)]
        public DeliveryStatus DeliveryStatus { get; init; }

        public DateTime? DueAt { get; init; }
        public int DeliveryAttempts { get; init; }
        public DateTime? DeliveredAt { get; init; }
        public string? LastError { get; init; }
        public required List<string> DeliveredChannels { get; init; }
        public DateTime? NotRelevantAt { get; init; }
        public DateTime? RelevantAt { get; init; }
        public string? FeedbackComment { get; init; }
        public DateTime? LeaseUntil { get; init; }

        public static AlertDocument From(AlertRecord a) => new()
        {
            Id = a.AlertId, SubscriptionId = a.SubscriptionId, AnalystId = a.AnalystId, StoryId = a.StoryId, ArticleId = a.ArticleId,
            Title = a.Title, Url = a.Url, Topics = a.Topics.ToList(), Countries = a.Countries.ToList(), ArticleCount = a.ArticleCount,
            Outlets = a.Outlets.ToList(), ArticleIds = [a.ArticleId], LatestArticleId = a.LatestArticleId, LatestTitle = a.LatestTitle,
            LatestUrl = a.LatestUrl, UpdatedAt = a.UpdatedAt?.UtcDateTime, Urgent = a.Urgent, ArticleIngestedAt = a.ArticleIngestedAt.UtcDateTime,
            RaisedAt = a.RaisedAt.UtcDateTime, DeliveryStatus = a.DeliveryStatus, DueAt = a.DueAt?.UtcDateTime, DeliveryAttempts = a.DeliveryAttempts,
            DeliveredAt = a.DeliveredAt?.UtcDateTime, LastError = a.LastError, DeliveredChannels = a.DeliveredChannels.ToList(),
            NotRelevantAt = a.NotRelevantAt?.UtcDateTime, RelevantAt = a.RelevantAt?.UtcDateTime, FeedbackComment = a.FeedbackComment,
        };

        public AlertRecord ToAlert() => new()
        {
            AlertId = Id, SubscriptionId = SubscriptionId, AnalystId = AnalystId, StoryId = StoryId, ArticleId = ArticleId, Title = Title, Url = Url,
            Topics = Topics, Countries = Countries, ArticleCount = ArticleCount, Outlets = Outlets, LatestArticleId = LatestArticleId,
            LatestTitle = LatestTitle, LatestUrl = LatestUrl, UpdatedAt = UpdatedAt?.ToUtcOffset(), Urgent = Urgent,
            ArticleIngestedAt = ArticleIngestedAt.ToUtcOffset(), RaisedAt = RaisedAt.ToUtcOffset(), DeliveryStatus = DeliveryStatus,
            DueAt = DueAt?.ToUtcOffset(), DeliveryAttempts = DeliveryAttempts, DeliveredAt = DeliveredAt?.ToUtcOffset(), LastError = LastError,
            DeliveredChannels = DeliveredChannels, NotRelevantAt = NotRelevantAt?.ToUtcOffset(), RelevantAt = RelevantAt?.ToUtcOffset(), FeedbackComment = FeedbackComment,
        };
    }
}
