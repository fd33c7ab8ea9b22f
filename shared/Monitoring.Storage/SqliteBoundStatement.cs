using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitoring.Storage;

/// <summary>
/// A statement that changes rows, compiled once on the writer and run with its parameters bound straight to SQLite at
/// positions looked up once: Microsoft.Data.Sqlite looks every parameter's position up by name (a UTF-8 copy of the name
/// and a search of the statement's names) on every execution, which for the coded events' 33 columns cost more than
/// the insert itself. Values are bound as the provider binds them (<see cref="TryBind"/>); any other value makes the
/// caller use the provider's command instead.
/// </summary>
internal sealed class SqliteBoundStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly string[] _names;
    private readonly int[] _positions;

    private SqliteBoundStatement(sqlite3 database, sqlite3_stmt statement, (string Name, object? Value)[] parameters)
    {
        _database = database;
        _statement = statement;
        _names = parameters.Select(p => p.Name).ToArray();
        _positions = _names.Select(name => raw.sqlite3_bind_parameter_index(statement, name)).ToArray();
    }

    /// <summary>
    /// The statement, or null when <paramref name="sql"/> is not one statement that writes with exactly these parameters
    /// (<paramref name="final"/>: the provider runs it from now on), or does not compile now (not final: the provider
    /// reports the error, and the next call tries again).
    /// </summary>
    public static SqliteBoundStatement? TryPrepare(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters, out bool final)
    {
        var database = connection.Handle!;
        final = false;
        if (raw.sqlite3_prepare_v2(database, sql, out var statement, out var tail) != raw.SQLITE_OK)
        {
            statement?.Dispose();
            return null;
        }

        final = true;
        if (statement is null || statement.IsInvalid) return null;
        var bound = new SqliteBoundStatement(database, statement, parameters);
        if (!string.IsNullOrWhiteSpace(tail) || raw.sqlite3_stmt_readonly(statement) != 0 || bound._positions.Contains(0)
            || raw.sqlite3_bind_parameter_count(statement) != bound._positions.Distinct().Count())
        {
            bound.Dispose();
            return null;
        }

        return bound;
    }

    /// <summary>Whether this call's parameters are the ones it was prepared with, each of a type bound here.</summary>
    public bool Fits((string Name, object? Value)[] parameters)
    {
        if (parameters.Length != _names.Length) return false;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!ReferenceEquals(parameters[i].Name, _names[i]) && !string.Equals(parameters[i].Name, _names[i], StringComparison.Ordinal)) return false;
            if (!Bindable(parameters[i].Value)) return false;
        }

        return true;
    }

    /// <summary>Binds, runs to the end and resets; the number of rows changed. SQLite's error is thrown as the provider throws it.</summary>
    public int Execute((string Name, object? Value)[] parameters)
    {
        try
        {
            for (var i = 0; i < parameters.Length; i++) Check(TryBind(_statement, _positions[i], parameters[i].Value));
            int step;
            while ((step = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private static bool Bindable(object? value) => value switch
    {
        null or DBNull or string or long or int or short or byte or byte[] or DateTimeOffset => true,
        double d => !double.IsNaN(d),
        _ => false,
    };

    /// <summary>The value as Microsoft.Data.Sqlite binds it: integers as INTEGER, text as TEXT, instants as its text, null as NULL.</summary>
    private static int TryBind(sqlite3_stmt statement, int position, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, position),
        string text => raw.sqlite3_bind_text(statement, position, text),
        long number => raw.sqlite3_bind_int64(statement, position, number),
        int number => raw.sqlite3_bind_int64(statement, position, number),
        short number => raw.sqlite3_bind_int64(statement, position, number),
        byte number => raw.sqlite3_bind_int64(statement, position, number),
        double real => raw.sqlite3_bind_double(statement, position, real),
        byte[] blob => raw.sqlite3_bind_blob(statement, position, blob),
        DateTimeOffset at => raw.sqlite3_bind_text(statement, position, at.ToString(InstantFormat, CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"No binding for {value.GetType()}."),
    };

    /// <summary>Microsoft.Data.Sqlite's text for a <see cref="DateTimeOffset"/> (what every stored instant compares with).</summary>
    internal const string InstantFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    private void Check(int code)
    {
        if (code == raw.SQLITE_OK) return;
        throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), code, raw.sqlite3_extended_errcode(_database));
    }

    public void Dispose() => _statement.Dispose();
}
