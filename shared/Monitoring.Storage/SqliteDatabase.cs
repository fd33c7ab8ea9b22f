using System.Data;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// The embedded SQLite file. Readers take pooled connections (WAL: they never block the writer); every write goes
/// through <see cref="WriteAsync{T}"/>: one long-lived writer connection, one transaction per unit of work, statements
/// prepared once and reused. SQLite admits one writer at a time anyway, so queueing writers here costs nothing and saves
/// each of them a connection, a fresh statement compilation and a busy-wait on the file lock.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;
    private Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

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
    /// Runs <paramref name="work"/> in one write transaction (<c>BEGIN IMMEDIATE</c>) on the writer connection and commits
    /// it; an exception rolls everything back. Writers of this process queue here, one at a time.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = _writer ??= await OpenAsync(cancellationToken);
            try
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                var result = await work(new SqliteWrite(connection, transaction, _prepared));
                await transaction.CommitAsync(CancellationToken.None);
                return result;
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode is not (5 or 6 or 19))
            {
                // Not busy, locked or a constraint: the connection itself may be broken, so the next write opens a new one.
                ResetWriter();
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task WriteAsync(Func<SqliteWrite, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await work(write);
            return true;
        }, cancellationToken);

    /// <summary>A client span per statement, so a trace shows the store step the way the MongoDB driver's spans do.</summary>
    public static Activity? StartActivity(string operation, string table)
    {
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

    private void ResetWriter()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        _writer?.Dispose();
        _writer = null;
    }

    public void Dispose()
    {
        ResetWriter();
        _writeGate.Dispose();
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
