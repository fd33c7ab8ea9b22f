using MongoDB.Driver;
using Monitoring.Alert.Analysts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

public sealed class MongoAnalystStore : IAnalystStore, IStoreInitializer
{
    private readonly IMongoCollection<Analyst> _analysts;

    public MongoAnalystStore(IMongoDatabase database)
    {
        AlertBsonMaps.Register();
        _analysts = database.GetCollection<Analyst>("alert_analysts");
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _analysts.Indexes.CreateOneAsync(
            new CreateIndexModel<Analyst>(Builders<Analyst>.IndexKeys.Ascending(a => a.ApiKeyHash), new CreateIndexOptions { Unique = true, Name = "api_key_hash_unique" }),
            cancellationToken: cancellationToken);

    public async Task<bool> TryInsertAsync(Analyst analyst, CancellationToken cancellationToken)
    {
        try
        {
            await _analysts.InsertOneAsync(analyst, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return false;
        }
    }

    public async Task<Analyst?> FindByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken) =>
        await _analysts.Find(a => a.ApiKeyHash == apiKeyHash).FirstOrDefaultAsync(cancellationToken);
}
