using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitoring.Storage;

/// <summary>
/// Ready only when the configured store can be written, not merely read: SQLite must grant a write lock within
/// <see cref="WriteTimeoutSeconds"/> (another process holding it makes every write wait), MongoDB must answer as a
/// writable primary.
/// </summary>
internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const int WriteTimeoutSeconds = 2;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (services.GetService<IMongoDatabase>() is { } mongo)
            {
                var hello = await mongo.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken);
                return hello.GetValue("isWritablePrimary", false).ToBoolean()
                    ? HealthCheckResult.Healthy("MongoDB primary answers")
                    : HealthCheckResult.Unhealthy("MongoDB answers, but not as a writable primary");
            }

            var files = services.GetRequiredService<SqliteDatabases>();
            var opened = files.Opened is { Count: > 0 } all ? all : [files.Default];
            foreach (var sqlite in opened)
            {
                await using var connection = await sqlite.OpenAsync(cancellationToken);

                // The probe waits for the write lock at most this long, not the 30 s every store statement may wait.
                await ExecuteAsync(connection, $"PRAGMA busy_timeout = {WriteTimeoutSeconds * 1000}", cancellationToken);
                await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
                await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
            }

            return HealthCheckResult.Healthy($"SQLite {string.Join(", ", opened.Select(file => file.Path))} writable");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy(exception is SqliteException { SqliteErrorCode: 5 or 6 } ? "store locked by another writer" : "store unreachable", exception);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = WriteTimeoutSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
