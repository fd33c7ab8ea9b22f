using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Classify.Articles;
using Monitoring.Contracts;
using Monitoring.Storage;

namespace Monitoring.Classify.Storage;

public sealed class MongoClassifiedArticleStore(IMongoDatabase database) : IClassifiedArticleStore, IStoreInitializer
{
    private readonly IMongoCollection<EventRecord> _events = database.GetCollection<EventRecord>("classify_events");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<EventRecord>.IndexKeys;
        await _events.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<EventRecord>(keys.Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "classified_at" }),
            new CreateIndexModel<EventRecord>(keys.Ascending(e => e.Countries).Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "countries_classified_at" }),
            new CreateIndexModel<EventRecord>(keys.Ascending("Topics.Id").Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "topics_classified_at" }),
        ], cancellationToken);
    }

    public async Task<(bool Inserted, ClassifiedArticle Event)> TryInsertAsync(ClassifiedArticle document, CancellationToken cancellationToken)
    {
        try
        {
            // _id is the article id: the unique key is the primary key.
            await _events.InsertOneAsync(EventRecord.From(document), cancellationToken: cancellationToken);
            return (true, document);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return (false, (await GetAsync(document.ArticleId, cancellationToken))!);
        }
    }

    public async Task<ClassifiedArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        (await _events.Find(e => e.Id == articleId).FirstOrDefaultAsync(cancellationToken))?.ToDocument();

    public async Task<IReadOnlyList<ClassifiedArticle>> ListAsync(ClassifiedArticleQuery query, CancellationToken cancellationToken)
    {
        var filter = Builders<EventRecord>.Filter;
        var where = filter.Empty;
        if (query.Country is not null) where &= filter.AnyEq(e => e.Countries, query.Country);
        if (query.Topic is not null) where &= filter.ElemMatch(e => e.Topics, t => t.Id == query.Topic);
        var records = await _events.Find(where).SortByDescending(e => e.ClassifiedAt).Limit(query.Limit).ToListAsync(cancellationToken);
        return records.Select(r => r.ToDocument()).ToList();
    }

    private sealed class EventRecord
    {
        [BsonId] public required string Id { get; init; }
        public required string StoryId { get; init; }
        public string? Title { get; init; }
        public string? Url { get; init; }
        public string? Source { get; init; }
        public required string Language { get; init; }
        public DateTime? PublishedAt { get; init; }
        public DateTime IngestedAt { get; init; }
        public DateTime ClassifiedAt { get; init; }
        public required List<TopicRecord> Topics { get; init; }
        public required List<string> Countries { get; init; }
        [BsonIgnoreIfNull] public List<EntityRecord>? Entities { get; init; }

        public static EventRecord From(ClassifiedArticle d) => new()
        {
            Id = d.ArticleId, StoryId = d.StoryId, Title = d.Title, Url = d.Url, Source = d.Source, Language = d.Language,
            PublishedAt = d.PublishedAt?.UtcDateTime, IngestedAt = d.IngestedAt.UtcDateTime, ClassifiedAt = d.ClassifiedAt.UtcDateTime,
            Topics = d.Topics.Select(TopicRecord.From).ToList(), Countries = d.Countries.ToList(),
            Entities = d.Entities?.Select(EntityRecord.From).ToList(),
        };

        public ClassifiedArticle ToDocument() => new()
        {
            ArticleId = Id, StoryId = StoryId, Title = Title, Url = Url, Source = Source, Language = Language,
            PublishedAt = PublishedAt?.ToUtcOffset(), IngestedAt = IngestedAt.ToUtcOffset(), ClassifiedAt = ClassifiedAt.ToUtcOffset(),
            Topics = Topics.Select(t => t.ToScore()).ToList(), Countries = Countries,
            Entities = Entities?.Select(e => e.ToEntity()).ToList(),
        };
    }

    private sealed class TopicRecord
    {
        public required string Id { get; init; }
        public double Score { get; init; }
        [BsonIgnoreIfNull] public List<EvidenceRecord>? Evidence { get; init; }

        public static TopicRecord From(TopicScore t) => new() { Id = t.Id, Score = t.Score, Evidence = t.Evidence?.Select(EvidenceRecord.From).ToList() };

        public TopicScore ToScore() => new() { Id = Id, Score = Score, Evidence = Evidence?.Select(e => e.ToEvidence()).ToList() };
    }

    private sealed class EntityRecord
    {
        public required string Id { get; init; }
        public required string Type { get; init; }
        public required string Name { get; init; }
        public required string Code { get; init; }
        [BsonIgnoreIfNull] public string? Country { get; init; }
        [BsonIgnoreIfNull] public List<string>? Sectors { get; init; }
        [BsonIgnoreIfNull] public string? Role { get; init; }
        public required List<EvidenceRecord> Mentions { get; init; }

        public static EntityRecord From(ArticleEntity e) => new()
        {
            Id = e.Id, Type = e.Type, Name = e.Name, Code = e.Code, Country = e.Country, Sectors = e.Sectors?.ToList(), Role = e.Role,
            Mentions = e.Mentions.Select(EvidenceRecord.From).ToList(),
        };

        public ArticleEntity ToEntity() => new()
        {
            Id = Id, Type = Type, Name = Name, Code = Code, Country = Country, Sectors = Sectors, Role = Role,
            Mentions = Mentions.Select(m => m.ToEvidence()).ToList(),
        };
    }

    private sealed class EvidenceRecord
    {
        public required string Rule { get; init; }
        public required string Text { get; init; }
        public int Start { get; init; }
        public int End { get; init; }
        public double Weight { get; init; }

        public static EvidenceRecord From(MatchEvidence e) => new() { Rule = e.Rule, Text = e.Text, Start = e.Start, End = e.End, Weight = e.Weight };

        public MatchEvidence ToEvidence() => new() { Rule = Rule, Text = Text, Start = Start, End = End, Weight = Weight };
    }
}
