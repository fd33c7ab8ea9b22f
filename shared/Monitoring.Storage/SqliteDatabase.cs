using System.Data;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>Opens connections to the embedded SQLite file, in WAL mode so readers never block the writer.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

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
        await using var busy = connection.CreateCommand();
        busy.CommandText = BusyTimeoutPragma;
        await busy.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private const string BusyTimeoutPragma = "PRAGMA busy_timeout = 30000;";

    /// <summary>A client span per statement, so a trace shows the store step the way the MongoDB driver's spans do.</summary>
    public static Activity? StartActivity(string operation, string table)
    {
        var activity = StorageTelemetry.Source.StartActivity($"{operation} {table}", ActivityKind.Client);
        activity?.SetTag("db.system.name", "sqlite");
        activity?.SetTag("db.operation.name", operation);
        activity?.SetTag("db.collection.name", table);
        return activity;
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
