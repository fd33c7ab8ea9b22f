using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Alert.Shifts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>
/// Relation events in <c>alert_relation_events</c> (<c>_id</c>: story, actors and code, so each counts once) and the
/// shifts in <c>alert_relation_shifts</c> (<c>_id</c>: shift id; <see cref="RelationShift.OpenKey"/> unique).
/// </summary>
public sealed class MongoRelationStore : IRelationStore, IStoreInitializer
{
    private const string Id = "_id";
    private const string Countries = "Countries";

    private static readonly FilterDefinitionBuilder<RelationEvent> EventFilter = Builders<RelationEvent>.Filter;
    private static readonly FilterDefinitionBuilder<RelationShift> ShiftFilter = Builders<RelationShift>.Filter;

    private readonly IMongoCollection<RelationEvent> _events;
    private readonly IMongoCollection<BsonDocument> _eventDocuments;
    private readonly IMongoCollection<RelationShift> _shifts;
    private readonly IMongoCollection<BsonDocument> _shiftDocuments;

    public MongoRelationStore(IMongoDatabase database)
    {
        MongoConventions.Map<RelationEvent>();
        MongoConventions.Map<ShiftMeasure>();
        MongoConventions.Map<RelationShift>(s => s.ShiftId);
        _events = database.GetCollection<RelationEvent>("alert_relation_events");
        _eventDocuments = database.GetCollection<BsonDocument>("alert_relation_events");
        _shifts = database.GetCollection<RelationShift>("alert_relation_shifts");
        _shiftDocuments = database.GetCollection<BsonDocument>("alert_relation_shifts");
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var eventKeys = Builders<RelationEvent>.IndexKeys;
        await _events.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<RelationEvent>(eventKeys.Ascending(e => e.Pair).Ascending(e => e.Day), new CreateIndexOptions { Name = "pair_day" }),
            new CreateIndexModel<RelationEvent>(eventKeys.Ascending(e => e.Pair).Ascending(e => e.Root).Ascending(e => e.Day), new CreateIndexOptions { Name = "pair_root_day" }),
            new CreateIndexModel<RelationEvent>(eventKeys.Ascending(e => e.StoryId), new CreateIndexOptions { Name = "story" }),
        ], cancellationToken);
        var shiftKeys = Builders<RelationShift>.IndexKeys;
        await _shifts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<RelationShift>(shiftKeys.Ascending(s => s.OpenKey), new CreateIndexOptions { Unique = true, Name = "open_key_unique" }),
            new CreateIndexModel<RelationShift>(shiftKeys.Ascending(s => s.ArticleId), new CreateIndexOptions { Name = "article" }),
            new CreateIndexModel<RelationShift>(shiftKeys.Ascending(s => s.Pair).Descending(s => s.OpenedAt), new CreateIndexOptions { Name = "pair_opened" }),
        ], cancellationToken);
    }

    public async Task RecordAsync(IReadOnlyList<RelationEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var documents = events.Select(e =>
        {
            var document = e.ToBsonDocument();
            document[Id] = $"{e.StoryId}|{e.Source}|{e.Target}|{e.Cameo}";
            return document;
        });
        try
        {
            await _eventDocuments.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException exception) when (exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            // Already counted (another copy of the story, or a redelivery): the unique _id kept the first.
        }
    }

    public async Task<RelationBalance> BalanceAsync(string pair, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await _events.Aggregate()
            .Match(e => e.Pair == pair && e.Day >= from && e.Day <= to)
            .Group(e => e.QuadClass, g => new { Quad = g.Key, Count = g.Count(), Sum = g.Sum(e => e.Goldstein), Squares = g.Sum(e => e.Goldstein * e.Goldstein) })
            .ToListAsync(cancellationToken);
        return RelationBalance.Of(rows.Select(r => (r.Quad, r.Count, r.Sum, r.Squares)));
    }

    public async Task<bool> HasEarlierOfRootAsync(string pair, string root, DateOnly since, string storyId, CancellationToken cancellationToken)
    {
        var mine = await _events.Find(e => e.Pair == pair && e.Root == root && e.StoryId == storyId).SortBy(e => e.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        var others = EventFilter.Eq(e => e.Pair, pair) & EventFilter.Eq(e => e.Root, root) & EventFilter.Gte(e => e.Day, since) & EventFilter.Ne(e => e.StoryId, storyId);
        if (mine is not null)
        {
            others &= EventFilter.Lt(e => e.RecordedAt, mine.RecordedAt)
                | (EventFilter.Eq(e => e.RecordedAt, mine.RecordedAt) & EventFilter.Lt(e => e.StoryId, storyId));
        }

        return await _events.Find(others).Limit(1).AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RelationEvent>> EventsAsync(
        string pair, DateOnly from, DateOnly to, IReadOnlyCollection<int> quadClasses, int limit, CancellationToken cancellationToken)
    {
        var filter = EventFilter.Eq(e => e.Pair, pair) & EventFilter.Gte(e => e.Day, from) & EventFilter.Lte(e => e.Day, to);
        if (quadClasses.Count > 0) filter &= EventFilter.In(e => e.QuadClass, quadClasses);
        return await _events.Find(filter).SortByDescending(e => e.Day).ThenByDescending(e => e.RecordedAt).Limit(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RelationEvent>> OfStoryAsync(string storyId, CancellationToken cancellationToken) =>
        await _events.Find(e => e.StoryId == storyId).SortBy(e => e.Day).ThenBy(e => e.RecordedAt).ThenBy(e => e.Source).ThenBy(e => e.Target).ThenBy(e => e.Cameo)
            .ToListAsync(cancellationToken);

    public async Task<DateOnly?> ObservedSinceAsync(CancellationToken cancellationToken)
    {
        var first = await _events.Find(FilterDefinition<RelationEvent>.Empty).SortBy(e => e.RecordedAt).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return first is null ? null : DateOnly.FromDateTime(first.RecordedAt.UtcDateTime);
    }

    public async Task<bool> TryOpenAsync(RelationShift shift, CancellationToken cancellationToken)
    {
        var document = shift.ToBsonDocument();
        document[Countries] = new BsonArray(shift.Pair.Split('-'));
        try
        {
            await _shiftDocuments.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return false;
        }
    }

    public async Task<RelationShift?> OpenShiftAsync(string pair, string kind, CancellationToken cancellationToken) =>
        await _shifts.Find(s => s.Pair == pair && s.Kind == kind && s.ClosedAt == null).FirstOrDefaultAsync(cancellationToken);

    public Task ConfirmAsync(string shiftId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _shifts.UpdateOneAsync(s => s.ShiftId == shiftId && s.ClosedAt == null, Builders<RelationShift>.Update.Set(s => s.ConfirmedAt, at), cancellationToken: cancellationToken);

    public Task CloseAsync(string shiftId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _shifts.UpdateOneAsync(
            s => s.ShiftId == shiftId && s.ClosedAt == null,
            Builders<RelationShift>.Update.Set(s => s.ClosedAt, at).Set(s => s.OpenKey, shiftId),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<RelationShift>> FiredByAsync(string articleId, CancellationToken cancellationToken) =>
        await _shifts.Find(s => s.ArticleId == articleId).SortBy(s => s.OpenedAt).ThenBy(s => s.ShiftId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RelationShift>> ListAsync(string? pair, string? country, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var filter = ShiftFilter.Gte(s => s.OpenedAt, since);
        if (pair is not null) filter &= ShiftFilter.Eq(s => s.Pair, pair);
        if (country is not null) filter &= ShiftFilter.Eq<string>(Countries, country);
        return await _shifts.Find(filter).SortByDescending(s => s.OpenedAt).ThenBy(s => s.ShiftId).Limit(limit).ToListAsync(cancellationToken);
    }

    public Task PruneAsync(DateOnly before, CancellationToken cancellationToken) =>
        _events.DeleteManyAsync(e => e.Day < before, cancellationToken);
}
