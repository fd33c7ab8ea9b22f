using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Classify.Coding;
using Monitoring.Storage;

namespace Monitoring.Classify.Storage;

public sealed class MongoCodedEventStore(IMongoDatabase database) : ICodedEventStore, IStoreInitializer
{
    private readonly IMongoCollection<Record> _events = database.GetCollection<Record>("classify_coded_events");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<Record>.IndexKeys;
        await _events.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<Record>(keys.Ascending(e => e.EventRootCode).Descending(e => e.DateAdded), new CreateIndexOptions { Name = "root_date" }),
            new CreateIndexModel<Record>(keys.Ascending(e => e.Actor1CountryCode).Ascending(e => e.Actor2CountryCode).Descending(e => e.DateAdded), new CreateIndexOptions { Name = "pair_date" }),
            new CreateIndexModel<Record>(keys.Ascending(e => e.Actor2CountryCode).Descending(e => e.DateAdded), new CreateIndexOptions { Name = "target_date" }),
            new CreateIndexModel<Record>(keys.Descending(e => e.DateAdded), new CreateIndexOptions { Name = "date" }),
            new CreateIndexModel<Record>(keys.Ascending(e => e.StoryId), new CreateIndexOptions { Name = "story" }),
        ], cancellationToken);
    }

    public async Task InsertAsync(IReadOnlyList<CodedEventDocument> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        try
        {
            // _id is the event id: a redelivered article inserts nothing twice, unordered so the rest still go in.
            await _events.InsertManyAsync(events.Select(Record.From), new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException<Record> exception) when (exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
        }
    }

    public async Task<IReadOnlyList<CodedEventDocument>> ListAsync(CodedEventQuery query, CancellationToken cancellationToken)
    {
        var f = Builders<Record>.Filter;
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

        if (query.Since is not null) where &= f.Gte(e => e.DateAdded, query.Since.Value.UtcDateTime);
        var records = await _events.Find(where).SortByDescending(e => e.DateAdded).ThenBy(e => e.Id).Limit(query.Limit).ToListAsync(cancellationToken);
        return records.Select(r => r.ToDocument()).ToList();
    }

    public async Task<IReadOnlyList<CodedEventDocument>> ListByStoriesAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0) return [];
        var records = await _events.Find(Builders<Record>.Filter.In(e => e.StoryId, storyIds)).ToListAsync(cancellationToken);
        return records.Select(r => r.ToDocument()).ToList();
    }

    private sealed class Record
    {
        [BsonId] public required string Id { get; init; }
        public required string ArticleId { get; init; }
        public required string StoryId { get; init; }
        public string? SourceName { get; init; }
        public string? SourceUrl { get; init; }
        public DateTime? PublishedAt { get; init; }
        public DateTime DateAdded { get; init; }
        public required string Actor1Code { get; init; }
        public required string Actor1Name { get; init; }
        public required string Actor1CountryCode { get; init; }
        public string? Actor1Type1Code { get; init; }
        public required string Actor2Code { get; init; }
        public required string Actor2Name { get; init; }
        public required string Actor2CountryCode { get; init; }
        public string? Actor2Type1Code { get; init; }
        public required string EventCode { get; init; }
        public required string EventBaseCode { get; init; }
        public required string EventRootCode { get; init; }
        public int QuadClass { get; init; }
        public double GoldsteinScale { get; init; }
        public bool IsRootEvent { get; init; }
        public int NumMentions { get; init; }
        public required string Sentence { get; init; }
        public int SentenceStart { get; init; }
        public required string Trigger { get; init; }
        public int TriggerStart { get; init; }

        public static Record From(CodedEventDocument d) => new()
        {
            Id = d.EventId, ArticleId = d.ArticleId, StoryId = d.StoryId, SourceName = d.SourceName, SourceUrl = d.SourceUrl,
            PublishedAt = d.PublishedAt?.UtcDateTime, DateAdded = d.DateAdded.UtcDateTime,
            Actor1Code = d.Actor1Code, Actor1Name = d.Actor1Name, Actor1CountryCode = d.Actor1CountryCode, Actor1Type1Code = d.Actor1Type1Code,
            Actor2Code = d.Actor2Code, Actor2Name = d.Actor2Name, Actor2CountryCode = d.Actor2CountryCode, Actor2Type1Code = d.Actor2Type1Code,
            EventCode = d.EventCode, EventBaseCode = d.EventBaseCode, EventRootCode = d.EventRootCode, QuadClass = d.QuadClass,
            GoldsteinScale = d.GoldsteinScale, IsRootEvent = d.IsRootEvent, NumMentions = d.NumMentions,
            Sentence = d.Sentence, SentenceStart = d.SentenceStart, Trigger = d.Trigger, TriggerStart = d.TriggerStart,
        };

        public CodedEventDocument ToDocument() => new()
        {
            EventId = Id, ArticleId = ArticleId, StoryId = StoryId, SourceName = SourceName, SourceUrl = SourceUrl,
            PublishedAt = PublishedAt?.ToUtcOffset(), DateAdded = DateAdded.ToUtcOffset(),
            Actor1Code = Actor1Code, Actor1Name = Actor1Name, Actor1CountryCode = Actor1CountryCode, Actor1Type1Code = Actor1Type1Code,
            Actor2Code = Actor2Code, Actor2Name = Actor2Name, Actor2CountryCode = Actor2CountryCode, Actor2Type1Code = Actor2Type1Code,
            EventCode = EventCode, EventBaseCode = EventBaseCode, EventRootCode = EventRootCode, QuadClass = QuadClass,
            GoldsteinScale = GoldsteinScale, IsRootEvent = IsRootEvent, NumMentions = NumMentions,
            Sentence = Sentence, SentenceStart = SentenceStart, Trigger = Trigger, TriggerStart = TriggerStart,
        };
    }
}
