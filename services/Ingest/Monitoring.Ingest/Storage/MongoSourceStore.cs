using System.Security.Cryptography;
using System.Text;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Ingest.Sources;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class MongoSourceStore(IMongoDatabase database) : ISourceStore, IStoreInitializer
{
    private readonly IMongoCollection<SourceDocument> _sources = database.GetCollection<SourceDocument>("ingest_sources");
    private readonly IMongoCollection<SeenItemDocument> _items = database.GetCollection<SeenItemDocument>("ingest_source_items");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _items.Indexes.CreateOneAsync(
            new CreateIndexModel<SeenItemDocument>(Builders<SeenItemDocument>.IndexKeys.Ascending(i => i.SourceId), new CreateIndexOptions { Name = "source" }),
            cancellationToken: cancellationToken);
    }

    public async Task<bool> TryCreateAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            await _sources.InsertOneAsync(SourceDocument.From(source), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return false;
        }
    }

    public async Task<bool> UpdateDefinitionAsync(FeedSource source, CancellationToken cancellationToken)
    {
        var update = Builders<SourceDocument>.Update
            .Set(s => s.Url, source.Url)
            .Set(s => s.Name, source.Name)
            .Set(s => s.PollIntervalMs, (long)source.PollInterval.TotalMilliseconds)
            .Set(s => s.Enabled, source.Enabled)
            .Set(s => s.Origin, source.Origin);
        var result = await _sources.UpdateOneAsync(s => s.Id == source.Id, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _sources.DeleteOneAsync(s => s.Id == id, cancellationToken);
        await _items.DeleteManyAsync(i => i.SourceId == id, cancellationToken);
        return result.DeletedCount == 1;
    }

    public async Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await _sources.Find(s => s.Id == id).FirstOrDefaultAsync(cancellationToken))?.ToSource();

    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken) =>
        (await _sources.Find(FilterDefinition<SourceDocument>.Empty).SortBy(s => s.Id).ToListAsync(cancellationToken)).Select(s => s.ToSource()).ToList();

    public Task SaveStatusAsync(string id, SourceStatus status, CancellationToken cancellationToken) =>
        _sources.UpdateOneAsync(s => s.Id == id, Builders<SourceDocument>.Update.Set(s => s.Status, StatusDocument.From(status)), cancellationToken: cancellationToken);

    public async Task<IReadOnlySet<string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        var byId = itemKeys.Distinct(StringComparer.Ordinal).ToDictionary(key => ItemId(sourceId, key), StringComparer.Ordinal);
        var found = await _items.Find(Builders<SeenItemDocument>.Filter.In(i => i.Id, byId.Keys)).Project(i => i.Id).ToListAsync(cancellationToken);
        return found.Select(id => byId[id]).ToHashSet(StringComparer.Ordinal);
    }

    public async Task MarkItemSeenAsync(string sourceId, string itemKey, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        try
        {
            await _items.InsertOneAsync(new SeenItemDocument { Id = ItemId(sourceId, itemKey), SourceId = sourceId, SeenAt = seenAt.UtcDateTime }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            // Already recorded.
        }
    }

    // Item keys are URLs of any length; the id is their hash so the unique index never meets a key too long to index.
    private static string ItemId(string sourceId, string itemKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId + "\n" + itemKey)));

    private sealed class SeenItemDocument
    {
        [BsonId] public required string Id { get; init; }
        public required string SourceId { get; init; }
        public DateTime SeenAt { get; init; }
    }

    private sealed class SourceDocument
    {
        [BsonId] public required string Id { get; init; }
        public required string Url { get; init; }
        public string? Name { get; init; }
        public long PollIntervalMs { get; init; }
        public bool Enabled { get; init; }
        public required string Origin { get; init; }
        public DateTime CreatedAt { get; init; }
        public StatusDocument Status { get; init; } = new();

        public static SourceDocument From(FeedSource s) => new()
        {
            Id = s.Id, Url = s.Url, Name = s.Name, PollIntervalMs = (long)s.PollInterval.TotalMilliseconds, Enabled = s.Enabled, Origin = s.Origin,
            CreatedAt = s.CreatedAt.UtcDateTime, Status = StatusDocument.From(s.Status),
        };

        public FeedSource ToSource() => new()
        {
            Id = Id, Url = Url, Name = Name, PollInterval = TimeSpan.FromMilliseconds(PollIntervalMs), Enabled = Enabled, Origin = Origin,
            CreatedAt = CreatedAt.ToUtcOffset(), Status = Status.ToStatus(),
        };
    }

    [BsonIgnoreExtraElements]
    private sealed class StatusDocument
    {
        public DateTime? LastPolledAt { get; init; }
        public DateTime? LastSuccessAt { get; init; }
        public DateTime? NextPollAt { get; init; }
        public string? LastOutcome { get; init; }
        public string? LastError { get; init; }
        public int ConsecutiveFailures { get; init; }
        public int LastItemsSeen { get; init; }
        public int LastItemsNew { get; init; }
        public long TotalItemsSeen { get; init; }
        public long TotalItemsNew { get; init; }
        public long TotalErrors { get; init; }
        public long TotalPolls { get; init; }
        public string? ETag { get; init; }
        public DateTime? LastModified { get; init; }

        public static StatusDocument From(SourceStatus s) => new()
        {
            LastPolledAt = s.LastPolledAt?.UtcDateTime, LastSuccessAt = s.LastSuccessAt?.UtcDateTime, NextPollAt = s.NextPollAt?.UtcDateTime,
            LastOutcome = s.LastOutcome, LastError = s.LastError, ConsecutiveFailures = s.ConsecutiveFailures, LastItemsSeen = s.LastItemsSeen,
            LastItemsNew = s.LastItemsNew, TotalItemsSeen = s.TotalItemsSeen, TotalItemsNew = s.TotalItemsNew, TotalErrors = s.TotalErrors,
            TotalPolls = s.TotalPolls, ETag = s.ETag, LastModified = s.LastModified?.UtcDateTime,
        };

        public SourceStatus ToStatus() => new()
        {
            LastPolledAt = LastPolledAt?.ToUtcOffset(), LastSuccessAt = LastSuccessAt?.ToUtcOffset(), NextPollAt = NextPollAt?.ToUtcOffset(),
            LastOutcome = LastOutcome, LastError = LastError, ConsecutiveFailures = ConsecutiveFailures, LastItemsSeen = LastItemsSeen,
            LastItemsNew = LastItemsNew, TotalItemsSeen = TotalItemsSeen, TotalItemsNew = TotalItemsNew, TotalErrors = TotalErrors,
            TotalPolls = TotalPolls, ETag = ETag, LastModified = LastModified?.ToUtcOffset(),
        };
    }
}
