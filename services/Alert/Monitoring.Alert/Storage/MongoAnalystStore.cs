using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Analysts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

public sealed class MongoAnalystStore(IMongoDatabase database) : IAnalystStore, IStoreInitializer
{
    private readonly IMongoCollection<AnalystRecord> _analysts = database.GetCollection<AnalystRecord>("alert_analysts");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _analysts.Indexes.CreateOneAsync(
            new CreateIndexModel<AnalystRecord>(Builders<AnalystRecord>.IndexKeys.Ascending(a => a.ApiKeyHash), new CreateIndexOptions { Unique = true, Name = "api_key_hash_unique" }),
            cancellationToken: cancellationToken);

    public async Task<bool> TryInsertAsync(Analyst analyst, CancellationToken cancellationToken)
    {
        try
        {
            await _analysts.InsertOneAsync(new AnalystRecord
            {
                Id = analyst.AnalystId, Name = analyst.Name, ApiKeyHash = analyst.ApiKeyHash, CreatedAt = analyst.CreatedAt.UtcDateTime,
            }, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return false;
        }
    }

    public async Task<Analyst?> FindByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken)
    {
        var record = await _analysts.Find(a => a.ApiKeyHash == apiKeyHash).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : new Analyst { AnalystId = record.Id, Name = record.Name, ApiKeyHash = record.ApiKeyHash, CreatedAt = record.CreatedAt.ToUtcOffset() };
    }

    private sealed class AnalystRecord
    {
        [BsonId] public required string Id { get; init; }
        public required string Name { get; init; }
        public required string ApiKeyHash { get; init; }
        public DateTime CreatedAt { get; init; }
    }
}
