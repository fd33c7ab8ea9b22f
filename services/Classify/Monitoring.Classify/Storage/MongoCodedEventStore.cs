using MongoDB.Driver;
using Monitoring.Classify.Coding;
using Monitoring.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Storage;

public sealed class MongoCodedEventStore : ICodedEventStore, IStoreInitializer
{
    private readonly IMongoCollection<CodedEventDocument> _events;

    public MongoCodedEventStore(IMongoDatabase database)
    {
        _events = Collection(database);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<CodedEventDocument>.IndexKeys;
        await _events.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<CodedEventDocument>(keys.Ascending(e => e.EventRootCode).Descending(e => e.DateAdded), new CreateIndexOptions { Name = "root_date" }),
            new CreateIndexModel<CodedEventDocument>(keys.Ascending(e => e.Actor1CountryCode).Ascending(e => e.Actor2CountryCode).Descending(e => e.DateAdded), new CreateIndexOptions { Name = "pair_date" }),
            new CreateIndexModel<CodedEventDocument>(keys.Ascending(e => e.Actor2CountryCode).Descending(e => e.DateAdded), new CreateIndexOptions { Name = "target_date" }),
            new CreateIndexModel<CodedEventDocument>(keys.Descending(e => e.DateAdded), new CreateIndexOptions { Name = "date" }),
            new CreateIndexModel<CodedEventDocument>(keys.Ascending(e => e.StoryId), new CreateIndexOptions { Name = "story" }),
        ], cancellationToken);
    }

    public Task InsertAsync(IReadOnlyList<CodedEventDocument> events, CancellationToken cancellationToken) => InsertAsync(_events, null, events, cancellationToken);

    public static IMongoCollection<CodedEventDocument> Collection(IMongoDatabase database)
    {
        ClassifyBsonMaps.Register();
        return database.GetCollection<CodedEventDocument>("classify_coded_events");
    }

    /// <summary>Inserts, inside <paramref name="session"/>'s transaction when there is one: classify stores an article and its events together.</summary>
    internal static async Task InsertAsync(IMongoCollection<CodedEventDocument> collection, IClientSessionHandle? session, IReadOnlyList<CodedEventDocument> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        try
        {
            // _id is the event id: a redelivered article inserts nothing twice, unordered so the rest still go in.
            var options = new InsertManyOptions { IsOrdered = false };
            if (session is null) await collection.InsertManyAsync(events, options, cancellationToken);
            else await collection.InsertManyAsync(session, events, options, cancellationToken);
        }
        catch (MongoBulkWriteException<CodedEventDocument> exception) when (session is null && exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
        }
    }

    public async Task<Page<CodedEventDocument>> ListAsync(CodedEventQuery query, CancellationToken cancellationToken)
    {
        var f = Builders<CodedEventDocument>.Filter;
        var where = Where(query);
        if (query.Page.AfterKeys(2) is [var dateAdded, var lastId])
        {
            var at = PageCursor.Instant(dateAdded, query.After!);
            where &= f.Lt(e => e.DateAdded, at) | (f.Eq(e => e.DateAdded, at) & f.Gt(e => e.EventId, lastId));
        }

        var rows = await _events.Find(where).SortByDescending(e => e.DateAdded).ThenBy(e => e.EventId).Limit(query.Limit + 1).ToListAsync(cancellationToken);
        return Page.From(rows, query.Limit, e => [PageCursor.Key(e.DateAdded), e.EventId]);
    }

    public async Task<IReadOnlyList<DailyEventCount>> CountByDayAsync(CodedEventQuery query, CancellationToken cancellationToken)
    {
        var day = new MongoDB.Bson.BsonDocument("$dateToString", new MongoDB.Bson.BsonDocument { { "format", "%Y-%m-%d" }, { "date", "$DateAdded" }, { "timezone", "UTC" } });
        var groups = await _events.Aggregate()
            .Match(Where(query))
            .Group(new MongoDB.Bson.BsonDocument
            {
                { "_id", new MongoDB.Bson.BsonDocument { { "day", day }, { "quad", "$QuadClass" } } },
                { "count", new MongoDB.Bson.BsonDocument("$sum", 1) },
                { "mean", new MongoDB.Bson.BsonDocument("$avg", "$GoldsteinScale") },
            })
            .ToListAsync(cancellationToken);
        return groups
            .Select(g => new DailyEventCount(
                DateOnly.ParseExact(g["_id"]["day"].AsString, "yyyy-MM-dd"), g["_id"]["quad"].ToInt32(), g["count"].ToInt32(), Math.Round(g["mean"].ToDouble(), 2)))
            .OrderBy(d => d.Day).ThenBy(d => d.QuadClass)
            .ToList();
    }

    private static FilterDefinition<CodedEventDocument> Where(CodedEventQuery query)
    {
        var f = Builders<CodedEventDocument>.Filter;
        var where = f.Empty;
        if (query.Root is not null) where &= f.Eq(e => e.EventRootCode, query.Root);
        if (query.EventCode is not null) where &= f.Regex(e => e.EventCode, new MongoDB.Bson.BsonRegularExpression("^" + System.Text.RegularExpressions.Regex.Escape(query.EventCode)));
        if (query.QuadClass is not null) where &= f.Eq(e => e.QuadClass, query.QuadClass.Value);
        if (query.Country is not null) where &= f.Or(f.Eq(e => e.Actor1CountryCode, query.Country), f.Eq(e => e.Actor2CountryCode, query.Country));
        if (query.Pair is { } pair)
        {
            where &= f.Or(
                f.And(f.Eq(e => e.Actor1CountryCode, pair.A), f.Eq(e => e.Actor2CountryCode, pair.B)),
                f.And(f.Eq(e => e.Actor1CountryCode, pair.B), f.Eq(e => e.Actor2CountryCode, pair.A)));
        }

        if (query.Since is not null) where &= f.Gte(e => e.DateAdded, query.Since.Value);
        if (query.Until is not null) where &= f.Lt(e => e.DateAdded, query.Until.Value);
        if (query.StoryId is not null) where &= f.Eq(e => e.StoryId, query.StoryId);
        if (query.Box is { } box)
        {
            where &= f.Gte(e => e.ActionGeoLat, box.South) & f.Lte(e => e.ActionGeoLat, box.North);
            where &= box.West <= box.East
                ? f.Gte(e => e.ActionGeoLong, box.West) & f.Lte(e => e.ActionGeoLong, box.East)
                : f.Gte(e => e.ActionGeoLong, box.West) | f.Lte(e => e.ActionGeoLong, box.East);
        }

        return where;
    }

    public async Task<IReadOnlyList<CodedEventDocument>> ListByStoriesAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0) return [];
        return await _events.Find(Builders<CodedEventDocument>.Filter.In(e => e.StoryId, storyIds)).ToListAsync(cancellationToken);
    }
}
