using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Alert.Alerts;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Storage;

/// <summary>Alerts in <c>alert_story_alerts</c>: one document per subscription and story.</summary>
public sealed class MongoAlertStore : IAlertStore, IStoreInitializer
{
    /// <summary>
    /// The store's own fields beside the record's: the articles counted (so none counts twice), until when a delivery
    /// holds the alert, and since when it waits for one (what the sweeper looks at).
    /// </summary>
    public const string ArticleIds = "ArticleIds";
    public const string LeaseUntil = "LeaseUntil";
    public const string PendingSince = "PendingSince";

    private static readonly FilterDefinitionBuilder<AlertRecord> Filter = Builders<AlertRecord>.Filter;
    private static readonly UpdateDefinitionBuilder<AlertRecord> Update = Builders<AlertRecord>.Update;
    private static readonly FindOneAndUpdateOptions<AlertRecord> ReturnAfter = new() { ReturnDocument = ReturnDocument.After };

    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<AlertRecord> _alerts;
    private readonly IMongoCollection<BsonDocument> _documents;
    private readonly IMongoCollection<OutboxMessage> _outbox;

    public MongoAlertStore(IMongoDatabase database)
    {
        AlertBsonMaps.Register();
        _database = database;
        _alerts = database.GetCollection<AlertRecord>("alert_story_alerts");
        _documents = database.GetCollection<BsonDocument>("alert_story_alerts");
        _outbox = MongoOutboxStore.Collection(database, AlertOutbox.Name);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<AlertRecord>.IndexKeys;
        await _alerts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<AlertRecord>(keys.Ascending(a => a.SubscriptionId).Ascending(a => a.StoryId), new CreateIndexOptions { Unique = true, Name = "subscription_story_unique" }),
            new CreateIndexModel<AlertRecord>(keys.Ascending(a => a.AnalystId).Descending(a => a.RaisedAt), new CreateIndexOptions { Name = "analyst_raised_at" }),
            new CreateIndexModel<AlertRecord>(keys.Ascending(a => a.DeliveryStatus).Ascending(a => a.DueAt), new CreateIndexOptions { Name = "status_due_at" }),
        ], cancellationToken);
        await MongoOutboxStore.CreateAsync(_database, AlertOutbox.Name, cancellationToken);
    }

    public async Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, OutboxMessage? announcement, CancellationToken cancellationToken)
    {
        try
        {
            return await MongoTransaction.RunAsync(_database, async (session, ct) =>
            {
                await _documents.InsertOneAsync(session, ToDocument(alert), cancellationToken: ct);
                if (announcement is not null) await _outbox.InsertOneAsync(session, announcement, cancellationToken: ct);
                return (true, alert);
            }, cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            var existing = await _alerts
                .Find(a => a.AlertId == alert.AlertId || (a.SubscriptionId == alert.SubscriptionId && a.StoryId == alert.StoryId))
                .FirstAsync(cancellationToken);
            return (false, existing);
        }
    }

    public Task<AlertRecord?> AddArticleAsync(string alertId, StoryArticle article, AlertRequeue? requeue, CancellationToken cancellationToken) =>
        MongoTransaction.RunAsync(_database, async (session, ct) =>
        {
            var update = Update.Push(ArticleIds, article.ArticleId).Inc(a => a.ArticleCount, 1)
                .Set(a => a.LatestArticleId, article.ArticleId).Set(a => a.LatestTitle, article.Title).Set(a => a.LatestUrl, article.Url)
                .Set(a => a.UpdatedAt, article.At);
            if (article.Source is not null) update = update.AddToSet(a => a.Outlets, article.Source);
            var updated = await _alerts.FindOneAndUpdateAsync(
                session,
                Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.NotRelevantAt, null) & Filter.Ne(ArticleIds, article.ArticleId),
                update, ReturnAfter, ct);
            if (updated is null || requeue is null) return updated;

            var requeued = await _alerts.FindOneAndUpdateAsync(
                session,
                Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.NotRelevantAt, null)
                    & Filter.In(a => a.DeliveryStatus, [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.NotRequired]),
                Update.Set(a => a.DeliveryStatus, requeue.Status).Set(a => a.DueAt, requeue.DueAt).Set(a => a.DeliveredChannels, [])
                    .Set(a => a.LastError, null).Set(a => a.DeliveryAttempts, 0).Set(LeaseUntil, BsonNull.Value).Set(PendingSince, requeue.Now.UtcDateTime),
                ReturnAfter, ct);
            if (requeued is null) return updated;
            await AddAllAsync(session, await requeue.Announce([requeued], ct), ct);
            return requeued;
        }, cancellationToken);

    public Task<AlertRecord?> UpdateCorroborationAsync(
        string alertId, Contracts.EventCorroboration corroboration, IReadOnlyList<string> outlets, AlertRequeue requeue, CancellationToken cancellationToken) =>
        MongoTransaction.RunAsync(_database, async (session, ct) =>
        {
            var updated = await _alerts.FindOneAndUpdateAsync(
                session,
                Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.NotRelevantAt, null),
                Update.Set(a => a.Corroboration, corroboration).Set(a => a.Outlets, outlets),
                ReturnAfter, ct);
            if (updated is null) return null;

            var requeued = await _alerts.FindOneAndUpdateAsync(
                session,
                Filter.Eq(a => a.AlertId, alertId) & Filter.In(a => a.DeliveryStatus, [DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.NotRequired]),
                Update.Set(a => a.DeliveryStatus, requeue.Status).Set(a => a.DueAt, requeue.DueAt).Set(a => a.LastError, null).Set(a => a.DeliveryAttempts, 0)
                    .Set(LeaseUntil, BsonNull.Value).Set(PendingSince, requeue.Now.UtcDateTime),
                ReturnAfter, ct);
            if (requeued is null) return updated;
            await AddAllAsync(session, await requeue.Announce([requeued], ct), ct);
            return requeued;
        }, cancellationToken);

    public async Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken) =>
        await _alerts.Find(a => a.AlertId == alertId && a.AnalystId == analystId).FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<AlertRecord>> ListAsync(string analystId, PageRequest page, CancellationToken cancellationToken)
    {
        var where = Filter.Eq(a => a.AnalystId, analystId);
        if (page.AfterKeys(2) is [var raisedAt, var lastId])
        {
            var at = PageCursor.Instant(raisedAt, page.After!);
            where &= Filter.Lt(a => a.RaisedAt, at) | (Filter.Eq(a => a.RaisedAt, at) & Filter.Lt(a => a.AlertId, lastId));
        }

        var rows = await _alerts.Find(where).SortByDescending(a => a.RaisedAt).ThenByDescending(a => a.AlertId).Limit(page.Limit + 1).ToListAsync(cancellationToken);
        return Page.From(rows, page.Limit, a => [PageCursor.Key(a.RaisedAt), a.AlertId]);
    }

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

    public async Task<bool> MarkReadAsync(string analystId, string alertId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var owned = Filter.Eq(a => a.AlertId, alertId) & Filter.Eq(a => a.AnalystId, analystId);
        if (at is null)
        {
            return (await _alerts.UpdateOneAsync(owned, Update.Unset(a => a.ReadAt), cancellationToken: cancellationToken)).MatchedCount == 1;
        }

        // The first reading is kept: only an unread alert takes the time.
        if (await _alerts.CountDocumentsAsync(owned, cancellationToken: cancellationToken) == 0) return false;
        await _alerts.UpdateOneAsync(owned & Filter.Eq(a => a.ReadAt, null), Update.Set(a => a.ReadAt, at), cancellationToken: cancellationToken);
        return true;
    }

    public async Task<Page<AlertRecord>> ListFeedbackAsync(string analystId, string? topic, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq(a => a.AnalystId, analystId) & (Filter.Ne(a => a.RelevantAt, null) | Filter.Ne(a => a.NotRelevantAt, null));
        if (topic is not null) filter &= Filter.AnyEq(a => a.Topics, topic);
        if (page.AfterKeys(2) is [var raisedAt, var lastId])
        {
            var at = PageCursor.Instant(raisedAt, page.After!);
            filter &= Filter.Lt(a => a.RaisedAt, at) | (Filter.Eq(a => a.RaisedAt, at) & Filter.Lt(a => a.AlertId, lastId));
        }

        var rows = await _alerts.Find(filter).SortByDescending(a => a.RaisedAt).ThenByDescending(a => a.AlertId).Limit(page.Limit + 1).ToListAsync(cancellationToken);
        return Page.From(rows, page.Limit, a => [PageCursor.Key(a.RaisedAt), a.AlertId]);
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

    public Task UnmarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(a => a.AlertId == alertId, Update.Pull(a => a.DeliveredChannels, channel), cancellationToken: cancellationToken);

    public Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken, string? deliveredChannel = null)
    {
        var update = Update.Set(a => a.DeliveryStatus, status).Set(LeaseUntil, BsonNull.Value).Set(a => a.LastError, error);
        if (deliveredChannel is not null) update = update.AddToSet(a => a.DeliveredChannels, deliveredChannel);
        if (status == DeliveryStatus.Delivered) update = update.Set(a => a.DeliveredAt, at);
        if (status == DeliveryStatus.Pending) update = update.Set(PendingSince, at.UtcDateTime);
        return _alerts.UpdateOneAsync(a => a.AlertId == alertId, update, cancellationToken: cancellationToken);
    }

    public Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken) =>
        _alerts.UpdateOneAsync(
            a => a.AlertId == alertId && a.DeliveryStatus == DeliveryStatus.Pending,
            Update.Set(a => a.DeliveryStatus, DeliveryStatus.Failed).Set(LeaseUntil, BsonNull.Value).Set(a => a.LastError, error),
            cancellationToken: cancellationToken);

    public Task<IReadOnlyList<AlertRecord>> ReleaseDueAsync(DateTimeOffset now, int limit, AnnounceAlerts announce, CancellationToken cancellationToken) =>
        MongoTransaction.RunAsync<IReadOnlyList<AlertRecord>>(_database, async (session, ct) =>
        {
            // One document at a time: each compare-and-set hands an alert to exactly one caller.
            var released = new List<AlertRecord>();
            while (released.Count < limit)
            {
                var next = await _alerts.FindOneAndUpdateAsync(
                    session,
                    Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Scheduled) & Filter.Lte(a => a.DueAt, now),
                    Update.Set(a => a.DeliveryStatus, DeliveryStatus.Pending).Set(PendingSince, now.UtcDateTime),
                    new FindOneAndUpdateOptions<AlertRecord> { ReturnDocument = ReturnDocument.After, Sort = Builders<AlertRecord>.Sort.Ascending(a => a.DueAt) },
                    ct);
                if (next is null) break;
                released.Add(next);
            }

            if (released.Count > 0) await AddAllAsync(session, await announce(released, ct), ct);
            return released;
        }, cancellationToken);

    public async Task<IReadOnlyList<AlertRecord>> ListStalledAsync(DateTimeOffset now, DateTimeOffset unclaimedBefore, int limit, CancellationToken cancellationToken)
    {
        var before = unclaimedBefore.UtcDateTime;
        var leaseExpired = Filter.Ne(LeaseUntil, BsonNull.Value) & Filter.Lt(LeaseUntil, now.UtcDateTime);
        var neverClaimed = Filter.Eq(LeaseUntil, BsonNull.Value)
            & (Filter.Lt(PendingSince, before) | (Filter.Eq(PendingSince, BsonNull.Value) & Filter.Lt(a => a.RaisedAt, unclaimedBefore)));
        return await _alerts.Find(Filter.Eq(a => a.DeliveryStatus, DeliveryStatus.Pending) & (leaseExpired | neverClaimed))
            .SortBy(a => a.RaisedAt).Limit(limit).ToListAsync(cancellationToken);
    }

    private Task AddAllAsync(IClientSessionHandle session, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        messages.Count == 0 ? Task.CompletedTask : _outbox.InsertManyAsync(session, messages, cancellationToken: cancellationToken);

    /// <summary>The record's fields and the first counted article; no lease yet.</summary>
    public static BsonDocument ToDocument(AlertRecord alert)
    {
        var document = alert.ToBsonDocument();
        document[ArticleIds] = new BsonArray { alert.ArticleId };
        document[LeaseUntil] = BsonNull.Value;
        document[PendingSince] = alert.RaisedAt.UtcDateTime;
        return document;
    }
}
