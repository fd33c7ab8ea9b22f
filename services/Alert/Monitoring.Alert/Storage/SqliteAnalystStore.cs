using Dapper;
using Monitoring.Alert.Analysts;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

public sealed class SqliteAnalystStore(SqliteDatabase database) : IAnalystStore, IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS alert_analysts (
                analyst_id   TEXT NOT NULL PRIMARY KEY,
                name         TEXT NOT NULL,
                api_key_hash TEXT NOT NULL UNIQUE,
                created_at   TEXT NOT NULL);
            """);
    }

    public async Task<bool> TryInsertAsync(Analyst analyst, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "INSERT INTO alert_analysts (analyst_id, name, api_key_hash, created_at) VALUES (@AnalystId, @Name, @ApiKeyHash, @CreatedAt) ON CONFLICT DO NOTHING",
            analyst) == 1;
    }

    /// <summary>Read for every authenticated request: on a prepared statement (<see cref="SqliteDatabase.ReadAsync{T}"/>).</summary>
    public async Task<Analyst?> FindByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken) =>
        (await database.ReadAsync(read => read.QueryAsync(
            "SELECT analyst_id AS AnalystId, name AS Name, api_key_hash AS ApiKeyHash, created_at AS CreatedAt FROM alert_analysts WHERE api_key_hash = @apiKeyHash",
            r => r.GetRowParser<Analyst>()(r), ("@apiKeyHash", apiKeyHash)), cancellationToken)).SingleOrDefault();
}
