using MongoDB.Bson;
using MongoDB.Driver;
using Monitoring.Ingest.Extraction;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class MongoTemplateStore(IMongoDatabase database) : ITemplateStore, IStoreInitializer
{
    private readonly IMongoCollection<BsonDocument> _documents = database.GetCollection<BsonDocument>("ingest_template_documents");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _documents.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("source").Ascending("documentHash"), new CreateIndexOptions { Name = "source_document", Unique = true }),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("source").Descending("seq"), new CreateIndexOptions { Name = "source_recent" }),
        ], cancellationToken);
    }

    public async Task AddAsync(TemplateDocument document, int keep, CancellationToken cancellationToken)
    {
        try
        {
            // The ObjectId's timestamp and counter order documents the way SQLite's autoincrement does.
            await _documents.InsertOneAsync(new BsonDocument
            {
                ["seq"] = ObjectId.GenerateNewId(),
                ["source"] = document.Source,
                ["documentHash"] = unchecked((long)document.DocumentHash),
                ["lineHashes"] = new BsonArray(document.LineHashes.Select(hash => unchecked((long)hash))),
                ["seenAt"] = document.SeenAt.UtcDateTime,
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return;
        }

        var bySource = Builders<BsonDocument>.Filter.Eq("source", document.Source);
        var oldestKept = await _documents.Find(bySource).SortByDescending(d => d["seq"]).Skip(keep).Limit(1).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is not null)
        {
            await _documents.DeleteManyAsync(bySource & Builders<BsonDocument>.Filter.Lte("seq", oldestKept["seq"]), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TemplateDocument>> RecentAsync(string source, int limit, CancellationToken cancellationToken)
    {
        var rows = await _documents.Find(Builders<BsonDocument>.Filter.Eq("source", source)).SortByDescending(d => d["seq"]).Limit(limit).ToListAsync(cancellationToken);
        return rows.AsEnumerable().Reverse().Select(row => new TemplateDocument(
            source,
            unchecked((ulong)row["documentHash"].AsInt64),
            row["lineHashes"].AsBsonArray.Select(hash => unchecked((ulong)hash.AsInt64)).ToList(),
            new DateTimeOffset(row["seenAt"].ToUniversalTime(), TimeSpan.Zero))).ToList();
    }
}
