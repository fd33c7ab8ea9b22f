using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitoring.Storage;

/// <summary>Ready only when the configured store answers a trivial query.</summary>
internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (services.GetService<IMongoDatabase>() is { } mongo)
            {
                await mongo.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
                return HealthCheckResult.Healthy("MongoDB answers");
            }

            var sqlite = services.GetRequiredService<SqliteDatabase>();
            await using var connection = await sqlite.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>("SELECT 1");
            return HealthCheckResult.Healthy($"SQLite {sqlite.Path}");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("store unreachable", exception);
        }
    }
}
