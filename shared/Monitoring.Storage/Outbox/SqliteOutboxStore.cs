using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitoring.Storage.Outbox;

public sealed partial class SqliteOutboxStore : IOutboxStore, IStoreInitializer
{
    private readonly SqliteDatabase _database;

    public SqliteOutboxStore(SqliteDatabase database, string name)
    {
        _database = database;
        Name = CheckName(name);
    }

    public string Name { get; }

    /// <summary>Creates the outbox table; the stores that write to it call this from their own schema set-up too.</summary>
    public static Task CreateAsync(SqliteConnection connection, string name) => connection.ExecuteAsync($"""
        CREATE TABLE IF NOT EXISTS {CheckName(name)} (
            id           TEXT NOT NULL PRIMARY KEY,
            message_type TEXT NOT NULL,
            body         TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            trace_parent TEXT NULL);
        CREATE INDEX IF NOT EXISTS {name}_created ON {name} (created_at);
        """);

    /// <summary>Adds <paramref name="message"/> inside the caller's write transaction.</summary>
    public static Task AddAsync(SqliteWrite write, string name, OutboxMessage message) => write.ExecuteAsync(
        $"INSERT INTO {name} (id, message_type, body, created_at, trace_parent) VALUES ($id, $type, $body, $created, $trace)",
        ("$id", message.Id), ("$type", message.MessageType), ("$body", message.Body), ("$created", message.CreatedAt), ("$trace", message.TraceParent));

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await CreateAsync(connection, Name);
    }

    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(
            $"""
            SELECT id AS Id, message_type AS MessageType, body AS Body, created_at AS CreatedAt, trace_parent AS TraceParent
            FROM {Name} WHERE created_at < @createdBefore ORDER BY created_at, id LIMIT @limit
            """,
            new { createdBefore, limit });
        return rows.ToList();
    }

    public async Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        using var activity = SqliteDatabase.StartActivity("DELETE", Name);
        await _database.WriteAsync(async write =>
        {
            foreach (var id in ids) await write.ExecuteAsync($"DELETE FROM {Name} WHERE id = $id", ("$id", id));
        }, cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Name}");
    }

    private static string CheckName(string name) =>
        TableName().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a valid outbox table name.", nameof(name));

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex TableName();
}
