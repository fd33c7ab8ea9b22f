using System.Text.Json;
using Dapper;
using Monitoring.Ingest.Sources;
using Monitoring.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Ingest.Storage;

public sealed class SqliteSourceStore(SqliteDatabase database) : ISourceStore, IStoreInitializer
{
    private const string Columns = "id AS Id, url AS Url, name AS Name, poll_interval_ms AS PollIntervalMs, enabled AS Enabled, origin AS Origin, created_at AS CreatedAt, status AS Status";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS ingest_sources (
                id               TEXT NOT NULL PRIMARY KEY,
                url              TEXT NOT NULL,
                name             TEXT NULL,
                poll_interval_ms INTEGER NOT NULL,
                enabled          INTEGER NOT NULL,
                origin           TEXT NOT NULL,
                created_at       TEXT NOT NULL,
                status           TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ingest_source_items (
                source_id TEXT NOT NULL,
                item_key  TEXT NOT NULL,
                seen_at   TEXT NOT NULL,
                PRIMARY KEY (source_id, item_key));
            """);
    }

    public async Task<bool> TryCreateAsync(FeedSource source, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", "ingest_sources");
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("""
            INSERT INTO ingest_sources (id, url, name, poll_interval_ms, enabled, origin, created_at, status)
            VALUES (@Id, @Url, @Name, @PollIntervalMs, @Enabled, @Origin, @CreatedAt, @Status)
            ON CONFLICT DO NOTHING
            """, Row.From(source)) == 1;
    }

    public async Task<bool> UpdateDefinitionAsync(FeedSource source, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", "ingest_sources");
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("""
            UPDATE ingest_sources SET url = @Url, name = @Name, poll_interval_ms = @PollIntervalMs, enabled = @Enabled, origin = @Origin
            WHERE id = @Id
            """, Row.From(source)) == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync("DELETE FROM ingest_sources WHERE id = @id", new { id }, transaction);
        await connection.ExecuteAsync("DELETE FROM ingest_source_items WHERE source_id = @id", new { id }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    public async Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM ingest_sources WHERE id = @id", new { id });
        return row?.ToSource();
    }

    public async Task<Page<FeedSource>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.AfterKeys(1)?[0];
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM ingest_sources WHERE @after IS NULL OR id > @after ORDER BY id LIMIT @limit", new { after, limit = page.Limit + 1 });
        return Page.From(rows.Select(row => row.ToSource()).ToList(), page.Limit, s => [s.Id]);
    }

    public async Task SaveStatusAsync(string id, SourceStatus status, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("UPDATE", "ingest_sources");
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE ingest_sources SET status = @status WHERE id = @id", new { id, status = JsonSerializer.Serialize(status, Json) });
    }

    public async Task<IReadOnlySet<string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        if (itemKeys.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in itemKeys.Chunk(500))
        {
            seen.UnionWith(await connection.QueryAsync<string>(
                "SELECT item_key FROM ingest_source_items WHERE source_id = @sourceId AND item_key IN @keys", new { sourceId, keys = chunk }));
        }

        return seen;
    }

    public async Task MarkItemSeenAsync(string sourceId, string itemKey, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO ingest_source_items (source_id, item_key, seen_at) VALUES (@sourceId, @itemKey, @seenAt) ON CONFLICT DO NOTHING",
            new { sourceId, itemKey, seenAt });
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Url { get; init; } = "";
        public string? Name { get; init; }
        public long PollIntervalMs { get; init; }
        public bool Enabled { get; init; }
        public string Origin { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string Status { get; init; } = "{}";

        public static Row From(FeedSource s) => new()
        {
            Id = s.Id, Url = s.Url, Name = s.Name, PollIntervalMs = (long)s.PollInterval.TotalMilliseconds, Enabled = s.Enabled, Origin = s.Origin,
            CreatedAt = s.CreatedAt, Status = JsonSerializer.Serialize(s.Status, Json),
        };

        public FeedSource ToSource() => new()
        {
            Id = Id, Url = Url, Name = Name, PollInterval = TimeSpan.FromMilliseconds(PollIntervalMs), Enabled = Enabled, Origin = Origin, CreatedAt = CreatedAt,
            Status = JsonSerializer.Deserialize<SourceStatus>(Status, Json) ?? new SourceStatus(),
        };
    }
}
