using System.Data;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// The embedded SQLite file. Readers take pooled connections (WAL: they never block the writer), or, for the reads made
/// per message, <see cref="ReadAsync{T}"/>'s connections with their statements kept prepared; every write goes
/// through <see cref="WriteAsync{T}"/>: one long-lived writer connection, queued units of work sharing a transaction
/// (each in a savepoint of its own), statements prepared once and reused. SQLite admits one writer at a time anyway, so queueing writers here costs nothing and saves
/// each of them a connection, a fresh statement compilation and a busy-wait on the file lock.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteGroupCommit _writer;
    private readonly SqliteReaders _readers;

    static SqliteDatabase()
    {
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new NullableDateTimeOffsetHandler());
    }

    public SqliteDatabase(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        Path = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Also how long a command waits on a locked database before it fails: the provider retries SQLITE_BUSY until then.
            DefaultTimeout = 30,
        }.ToString();

        // WAL is a property of the file, so it is set once, not on every connection.
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA journal_mode=WAL;");
        _writer = new SqliteGroupCommit(OpenAsync);
        _readers = new SqliteReaders(OpenAsync);
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // SQLite waits for a busy write lock itself, in steps of 1 to 100 ms. Without it, Microsoft.Data.Sqlite retries a
        // busy statement after Thread.Sleep(150) each time, blocking a pool thread: under concurrent consumers that was
        // 27-43 % of every service's thread time and seconds of latency (docs/benchmarks.md).
        // synchronous=NORMAL, per connection: in WAL mode it syncs at checkpoints, not at every commit. A killed process
        // loses nothing committed; only a power cut may lose the last commits, never consistency.
        // Both settings belong to the physical connection, which the pool hands out again and again: set them once per handle.
        if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _)) return connection;
        await using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (connection.Handle is { } opened) Configured.AddOrUpdate(opened, Marker);
        return connection;
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    private const string ConnectionPragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (<c>BEGIN IMMEDIATE</c>) on the writer connection and completes
    /// once it is committed; an exception rolls back this work alone and is thrown to this caller only. Writers of this
    /// process queue here; queued writes share a commit (<see cref="SqliteGroupCommit"/>), each in a savepoint of its own.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.WriteAsync(work, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on a reader connection that keeps its statements prepared (<see cref="SqliteRead"/>):
    /// for the reads made for every message. Other reads take a pooled connection from <see cref="OpenAsync"/>.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<SqliteRead, Task<T>> work, CancellationToken cancellationToken) =>
        _readers.ReadAsync(work, cancellationToken);

    /// <summary>Writes committed so far, and the commits that held them: how many writes share a commit.</summary>
    public (long Writes, long Commits) WriteCounts => (_writer.Writes, _writer.Commits);

    public Task WriteAsync(Func<SqliteWrite, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await work(write);
            return true;
        }, cancellationToken);

    /// <summary>A client span per statement, so a trace shows the store step the way the MongoDB driver's spans do.</summary>
    public static Activity? StartActivity(string operation, string table)
    {
        if (!StorageTelemetry.Source.HasListeners()) return null;
        var activity = StorageTelemetry.Source.StartActivity($"{operation} {table}", ActivityKind.Client);
        activity?.SetTag("db.system.name", "sqlite");
        activity?.SetTag("db.operation.name", operation);
        activity?.SetTag("db.collection.name", table);
        return activity;
    }

    /// <summary>
    /// The value as stored, the way Dapper's rows have always been: enums by name, null as NULL, instants left to the
    /// provider (<c>yyyy-MM-dd HH:mm:ss.FFFFFFFzzz</c>; the services write UTC, so they sort as text).
    /// </summary>
    public static object ToColumn(object? value) => value switch
    {
        null => DBNull.Value,
        bool flag => flag ? 1 : 0,
        Enum member => member.ToString(),
        _ => value,
    };

    public void Dispose()
    {
        _writer.Dispose();
        _readers.Dispose();
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime().ToString("O");

        public override DateTimeOffset Parse(object value) => DateTimeOffset.Parse((string)value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class NullableDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset?>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset? value) =>
            parameter.Value = value is { } v ? v.ToUniversalTime().ToString("O") : DBNull.Value;

        public override DateTimeOffset? Parse(object value) =>
            value is string s ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
