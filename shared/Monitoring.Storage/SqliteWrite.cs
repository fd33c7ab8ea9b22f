using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// One write transaction on the writer connection. <see cref="ExecuteAsync"/>, <see cref="ScalarAsync"/> and <see cref="QueryAsync{T}"/> reuse a
/// prepared statement per SQL text; Dapper on <see cref="Connection"/> with <see cref="Transaction"/> serves the rest.
/// </summary>
public sealed class SqliteWrite
{
    private readonly Dictionary<string, SqliteCommand> _prepared;

    internal SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> prepared)
    {
        Connection = connection;
        Transaction = transaction;
        _prepared = prepared;
    }

    public SqliteConnection Connection { get; }
    public SqliteTransaction Transaction { get; }

    /// <summary>Runs a statement with named parameters (<c>$name</c>); the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Prepare(sql, parameters).ExecuteNonQueryAsync();

    /// <summary>The first column of the first row, or null.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        var value = await Prepare(sql, parameters).ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Every row of a query (or of a statement's <c>RETURNING</c>), each read by <paramref name="row"/>, on the same prepared
    /// statement as <see cref="ExecuteAsync"/>: a statement run per message is compiled once, not per call as through Dapper.
    /// </summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        await using var reader = await Prepare(sql, parameters).ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(row(reader));
        return rows;
    }

    private SqliteCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }

        command.Transaction = Transaction;
        var bound = command.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            var column = SqliteDatabase.ToColumn(value);
            // A statement is called with its parameters in the same order each time: find each by position, not by a search.
            if (i < bound.Count && string.Equals(bound[i].ParameterName, name, StringComparison.Ordinal)) bound[i].Value = column;
            else if (bound.Contains(name)) bound[name].Value = column;
            else bound.AddWithValue(name, column);
        }

        return command;
    }
}
