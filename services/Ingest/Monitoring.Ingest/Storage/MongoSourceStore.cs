using System.Security.Cryptography;
using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Ingest.Sources;
using Monitoring.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Ingest.Storage;

public sealed class MongoSourceStore : ISourceStore, IStoreInitializer
{
    private const string ItemSource = "SourceId";

    private readonly IMongoCollection<FeedSource> _sources;

    // A seen item is no record of its own: its id (a hash of source and item key), the source, and when.
    private readonly IMongoCollection<BsonDocument> _items;

    public MongoSourceStore(IMongoDatabase database)
    {
        IngestBsonMaps.Register();
        _sources = database.GetCollection<FeedSource>("ingest_sources");
        _items = database.GetCollection<BsonDocument>("ingest_source_items");
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _items.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending(ItemSource), new CreateIndexOptions { Name = "source" }),
            cancellationToken: cancellationToken);
    }

    public async Task<bool> TryCreateAsync(FeedSource source, CancellationToken cancellationToken)
    {
        try
        {
            await _sources.InsertOneAsync(source, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return false;
        }
    }

    public async Task<bool> UpdateDefinitionAsync(FeedSource source, CancellationToken cancellationToken)
    {
        var update = Builders<FeedSource>.Update
            .Set(s => s.Url, source.Url)
            .Set(s => s.Name, source.Name)
            .Set(s => s.PollInterval, source.PollInterval)
            .Set(s => s.Enabled, source.Enabled)
            .Set(s => s.Origin, source.Origin);
        var result = await _sources.UpdateOneAsync(s => s.Id == source.Id, update, cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _sources.DeleteOneAsync(s => s.Id == id, cancellationToken);
        await _items.DeleteManyAsync(Builders<BsonDocument>.Filter.Eq(ItemSource, id), cancellationToken);
        return result.DeletedCount == 1;
    }

    public async Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken) =>
        await _sources.Find(s => s.Id == id).FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<FeedSource>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var where = page.AfterKeys(1) is [var after] ? Builders<FeedSource>.Filter.Gt(s => s.Id, after) : FilterDefinition<FeedSource>.Empty;
        var rows = await _sources.Find(where).SortBy(s => s.Id).Limit(page.Limit + 1).ToListAsync(cancellationToken);
        return Page.From(rows, page.Limit, s => [s.Id]);
    }

    public Task SaveStatusAsync(string id, SourceStatus status, CancellationToken cancellationToken) =>
        _sources.UpdateOneAsync(s => s.Id == id, Builders<FeedSource>.Update.Set(s => s.Status, status), cancellationToken: cancellationToken);

    public async Task<IReadOnlySet<string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        var byId = itemKeys.Distinct(StringComparer.Ordinal).ToDictionary(key => SeenItemId(sourceId, key), StringComparer.Ordinal);
        var found = await _items.Find(Builders<BsonDocument>.Filter.In("_id", byId.Keys)).Project(Builders<BsonDocument>.Projection.Include("_id")).ToListAsync(cancellationToken);
        return found.Select(item => byId[item["_id"].AsString]).ToHashSet(StringComparer.Ordinal);
    }

    public async Task MarkItemSeenAsync(string sourceId, string itemKey, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        try
        {
            var item = new BsonDocument { { "_id", SeenItemId(sourceId, itemKey) }, { ItemSource, sourceId }, { "SeenAt", seenAt.UtcDateTime } };
            await _items.InsertOneAsync(item, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            // Already recorded.
        }
    }

    // Item keys are URLs of any length; the id is their hash so the unique index never meets a key too long to index.
    public static string SeenItemId(string sourceId, string itemKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId + "\n" + itemKey)));
}
