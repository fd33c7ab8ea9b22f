using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// The prepared statements of one connection, one per SQL text: a statement run per message is compiled once and its
/// parameters are rebound in place, instead of a new command, a new compilation and new parameter objects per call.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteBoundStatement?> _bound = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Prepare(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }

        command.Transaction = transaction;
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

    /// <summary>
    /// Runs a statement that changes rows; the number it changed. One statement with parameters of the types SQLite takes as
    /// they are runs bound straight to SQLite (<see cref="SqliteBoundStatement"/>), anything else through the provider's command.
    /// </summary>
    public Task<int> ExecuteAsync(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        var columns = Columns(parameters);
        if (!_bound.TryGetValue(sql, out var bound))
        {
            bound = SqliteBoundStatement.TryPrepare(Connection, sql, columns, out var final);
            if (final) _bound[sql] = bound;
        }

        if (bound is null || !bound.Fits(columns)) return Prepare(sql, transaction, columns).ExecuteNonQueryAsync();
        try
        {
            return Task.FromResult(bound.Execute(columns));
        }
        catch (Exception exception)
        {
            return Task.FromException<int>(exception);
        }
    }

    /// <summary>The values as stored (<see cref="SqliteDatabase.ToColumn"/>), in place.</summary>
    private static (string Name, object? Value)[] Columns((string Name, object? Value)[] parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Value is bool or Enum or null) parameters[i].Value = SqliteDatabase.ToColumn(parameters[i].Value);
        }

        return parameters;
    }

    public async Task<List<T>> QueryAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> row)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(row(reader));
        return rows;
    }

    public static async Task<object?> ScalarAsync(SqliteCommand command)
    {
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
        foreach (var statement in _bound.Values) statement?.Dispose();
        _bound.Clear();
    }
}
