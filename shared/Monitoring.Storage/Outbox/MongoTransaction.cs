using MongoDB.Driver;

namespace Monitoring.Storage.Outbox;

/// <summary>
/// Runs writes to several collections as one: a record and the outbox message announcing it. The driver retries the
/// whole transaction on a transient error; a duplicate key aborts it and reaches the caller, who reads what is there.
/// </summary>
public static class MongoTransaction
{
    public static async Task<T> RunAsync<T>(IMongoDatabase database, Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var session = await database.Client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync(work, cancellationToken: cancellationToken);
    }
}
