using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// One write transaction on the writer connection. <see cref="ExecuteAsync"/>, <see cref="ScalarAsync"/> and <see cref="QueryAsync{T}"/> reuse a
/// prepared statement per SQL text; Dapper on <see cref="Connection"/> with <see cref="Transaction"/> serves the rest.
/// </summary>
public sealed class SqliteWrite
{
    private readonly SqliteStatements _statements;

    internal SqliteWrite(SqliteTransaction transaction, SqliteStatements statements)
    {
        Transaction = transaction;
        _statements = statements;
    }

    public SqliteConnection Connection => _statements.Connection;
    public SqliteTransaction Transaction { get; }

    /// <summary>Runs a statement with named parameters (<c>$name</c>); the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        _statements.ExecuteAsync(sql, Transaction, parameters);

    /// <summary>The first column of the first row, or null.</summary>
    public Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        SqliteStatements.ScalarAsync(_statements.Prepare(sql, Transaction, parameters));

    /// <summary>
    /// Every row of a query (or of a statement's <c>RETURNING</c>), each read by <paramref name="row"/>, on the same prepared
    /// statement as <see cref="ExecuteAsync"/>: a statement run per message is compiled once, not per call as through Dapper.
    /// </summary>
    public Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> row, params (string Name, object? Value)[] parameters) =>
        _statements.QueryAsync(_statements.Prepare(sql, Transaction, parameters), row);
}
