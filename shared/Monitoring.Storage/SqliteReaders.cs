using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// The reader connections of one SQLite file, each with its prepared statements (<see cref="SqliteRead"/>): at most
/// <see cref="MaxReaders"/> reads run at once, each on a connection of its own, which goes back to the set when the read
/// succeeded and is closed when it threw (it may be left mid-statement).
/// </summary>
internal sealed class SqliteReaders(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>More than the cores: a read holds its connection across awaits of its caller's work.</summary>
    public static readonly int MaxReaders = Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly ConcurrentBag<SqliteStatements> _idle = new();
    private readonly SemaphoreSlim _slots = new(MaxReaders, MaxReaders);
    private bool _disposed;

    public async Task<T> ReadAsync<T>(Func<SqliteRead, Task<T>> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        SqliteStatements? statements = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_idle.TryTake(out statements)) statements = new SqliteStatements(await open(cancellationToken));
            var result = await work(new SqliteRead(statements));
            if (!_disposed)
            {
                _idle.Add(statements);
                statements = null;
            }

            return result;
        }
        finally
        {
            if (statements is not null) Close(statements);
            _slots.Release();
        }
    }

    private static void Close(SqliteStatements statements)
    {
        statements.Dispose();
        statements.Connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var statements)) Close(statements);
    }
}
