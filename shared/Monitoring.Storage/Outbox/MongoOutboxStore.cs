using MongoDB.Driver;

namespace Monitoring.Storage.Outbox;

/// <summary>
/// The outbox as a MongoDB collection. Stores add to it inside a multi-document transaction (<see cref="MongoTransaction"/>),
/// which needs a replica set: the production deployment runs one (a single node is enough).
/// </summary>
public sealed class MongoOutboxStore : IOutboxStore, IStoreInitializer
{
    private readonly IMongoCollection<OutboxMessage> _messages;

    public MongoOutboxStore(IMongoDatabase database, string name)
    {
        Name = name;
        _messages = Collection(database, name);
    }

    public string Name { get; }

    public static IMongoCollection<OutboxMessage> Collection(IMongoDatabase database, string name)
    {
        MongoConventions.Map<OutboxMessage>(m => m.Id, map => map.UnmapMember(m => m.Written));
        return database.GetCollection<OutboxMessage>(name);
    }

    /// <summary>Creates the collection and its index; the stores that write to it call this from their own set-up too (a transaction cannot create it).</summary>
    public static Task CreateAsync(IMongoDatabase database, string name, CancellationToken cancellationToken) =>
        Collection(database, name).Indexes.CreateOneAsync(
            new CreateIndexModel<OutboxMessage>(Builders<OutboxMessage>.IndexKeys.Ascending(m => m.CreatedAt), new CreateIndexOptions { Name = "created_at" }),
            cancellationToken: cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) => CreateAsync(_messages.Database, Name, cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken) =>
        await _messages.Find(Builders<OutboxMessage>.Filter.Lt(m => m.CreatedAt, createdBefore))
            .SortBy(m => m.CreatedAt).ThenBy(m => m.Id).Limit(limit).ToListAsync(cancellationToken);

    public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : _messages.DeleteManyAsync(Builders<OutboxMessage>.Filter.In(m => m.Id, ids), cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        _messages.CountDocumentsAsync(Builders<OutboxMessage>.Filter.Empty, cancellationToken: cancellationToken);
}
