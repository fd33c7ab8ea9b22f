using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Monitoring.Storage;

/// <summary>
/// The SQLite files of this process, one per service: a service's stores and its outbox share one file, so one transaction
/// covers a row and the message announcing it; services composed in one host (<c>monitor run</c>) get a file each
/// (<c>Storage:Sqlite:Databases:&lt;service&gt;</c>), so their writers never queue behind each other's write lock. A
/// service without an entry uses <c>Storage:Sqlite:Path</c>, as every deployed service does.
/// </summary>
public sealed class SqliteDatabases(IOptions<StorageOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SqliteDatabase>> _byPath = new(StringComparer.Ordinal);

    /// <summary>The file of <c>Storage:Sqlite:Path</c>.</summary>
    public SqliteDatabase Default => Open(options.Value.Sqlite.Path);

    /// <summary>The files opened so far: what readiness checks.</summary>
    public IReadOnlyList<SqliteDatabase> Opened => _byPath.Values.Where(file => file.IsValueCreated).Select(file => file.Value).ToList();

    /// <summary>The file of <paramref name="service"/>'s stores.</summary>
    public SqliteDatabase For(string service)
    {
        var sqlite = options.Value.Sqlite;
        var own = sqlite.Databases.FirstOrDefault(entry => string.Equals(entry.Key, service, StringComparison.OrdinalIgnoreCase)).Value;
        return Open(string.IsNullOrWhiteSpace(own) ? sqlite.Path : own);
    }

    private SqliteDatabase Open(string path) =>
        _byPath.GetOrAdd(System.IO.Path.GetFullPath(path), fullPath => new Lazy<SqliteDatabase>(() => new SqliteDatabase(fullPath))).Value;

    public void Dispose()
    {
        foreach (var database in Opened) database.Dispose();
    }
}
