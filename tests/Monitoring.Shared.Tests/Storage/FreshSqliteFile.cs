using Dapper;
using Monitoring.Storage;

namespace Monitoring.Shared.Tests.Storage;

/// <summary>Tests on a fresh SQLite file with the table <paramref name="schema"/> creates, disposed after each test.</summary>
public abstract class FreshSqliteFile(string schema) : IAsyncLifetime
{
    protected SqliteDatabase Database { get; } = StoreFactory.FreshSqlite();

    public async ValueTask InitializeAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(schema);
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
