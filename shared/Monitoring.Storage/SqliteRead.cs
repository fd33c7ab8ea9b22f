using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// A read on one of the file's reader connections (<see cref="SqliteDatabase.ReadAsync{T}"/>): each statement runs on its
/// own (autocommit, WAL: it never waits for the writer) and stays prepared on its connection for the next call with the
/// same text, so the reads made for every message are compiled once per connection, not per call as through Dapper.
/// </summary>
public sealed class SqliteRead
{
    private readonly SqliteStatements _statements;

    internal SqliteRead(SqliteStatements statements) => _statements = statements;

    /// <summary>Every row of a query with named parameters, each read by <paramref name="row"/>.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> row, params (string Name, object? Value)[] parameters) =>
        _statements.QueryAsync(_statements.Prepare(sql, null, parameters), row);

    /// <summary>The first column of the first row, or null.</summary>
    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        SqliteStatements.ScalarAsync(_statements.Prepare(sql, null, parameters));
}
