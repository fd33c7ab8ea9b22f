using Dapper;
using Microsoft.Data.Sqlite;
using Monitoring.Storage;

namespace Monitoring.Shared.Tests.Storage;

/// <summary>
/// <see cref="SqliteDatabase.WriteAsync{T}"/> lets queued writes share a commit: each must still fail alone, run in the
/// order it was queued and complete only once it is committed.
/// </summary>
public sealed class SqliteGroupCommitTests() : FreshSqliteFile("CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE)")
{
    [Fact]
    public async Task A_failing_write_is_rolled_back_alone_and_only_its_caller_sees_the_exception()
    {
        var (first, gate) = await HoldTheWriterAsync("first");
        var before = Write("before");
        var failing = Database.WriteAsync(async write =>
        {
            await Insert(write, "failing");
            throw new InvalidOperationException("this write fails");
        }, CancellationToken.None);
        var duplicate = Write("before"); // the unique index: a constraint failure of SQLite's own
        var after = Write("after");
        gate.SetResult();

        await Task.WhenAll(first, before, after);
        Assert.Equal("this write fails", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(19, (await Assert.ThrowsAsync<SqliteException>(() => duplicate)).SqliteErrorCode);
        Assert.Equal(["first", "before", "after"], await Names());
        Assert.Equal((3L, 2L), Database.WriteCounts); // the four queued behind the first shared one commit
    }

    [Fact]
    public async Task A_query_in_a_write_returns_every_row_of_its_statement_each_time_it_runs()
    {
        await Write("a");
        await Write("b");
        for (var round = 0; round < 2; round++)
        {
            // The same text twice: the second run reuses the prepared statement and must see the first's change.
            var renamed = await Database.WriteAsync(write => write.QueryAsync(
                "UPDATE items SET name = name || @suffix RETURNING name", r => r.GetString(0), ("@suffix", "!")), CancellationToken.None);
            Assert.Equal(round == 0 ? ["a!", "b!"] : ["a!!", "b!!"], renamed.Order(StringComparer.Ordinal));
        }

        Assert.Equal(["a!!", "b!!"], await Names());
    }

    [Fact]
    public async Task A_write_s_statement_stores_each_value_as_the_provider_s_own_command_stores_it()
    {
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE kinds (via TEXT NOT NULL, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12)");
        }

        object?[] values =
        [
            "text", 42L, 7, (short)3, 2.5, null, true, new byte[] { 1, 2, 3 }, new DateTimeOffset(2026, 12, 3, 8, 9, 10, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 3, 8, 9, 10, 123, TimeSpan.FromHours(2)).AddTicks(4567), DayOfWeek.Friday, -1.0e-300,
        ];
        const string Insert = "INSERT INTO kinds VALUES (@via, @v1, @v2, @v3, @v4, @v5, @v6, @v7, @v8, @v9, @v10, @v11, @v12)";
        var parameters = values.Select((value, i) => ($"@v{i + 1}", value)).Prepend(("@via", (object?)"write")).ToArray();
        for (var round = 0; round < 2; round++) // the second run reuses the statement
        {
            await Database.WriteAsync(write => write.ExecuteAsync(Insert, parameters.ToArray()), CancellationToken.None);
        }

        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Insert;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, name == "@via" ? "provider" : SqliteDatabase.ToColumn(value));
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var reader = await Database.OpenAsync(CancellationToken.None);
        var stored = (await reader.QueryAsync<string>(
            "SELECT via || ':' || " + string.Join(" || '|' || ", Enumerable.Range(1, 12).Select(i => $"typeof(v{i}) || '=' || quote(v{i})")) + " FROM kinds ORDER BY rowid")).ToList();
        Assert.Equal(3, stored.Count);
        Assert.Equal(stored[2].Replace("provider:", ""), stored[0].Replace("write:", ""));
        Assert.Equal(stored[0], stored[1]);
        Assert.Contains("text='2026-12-03 08:09:10+00:00'", stored[2]);
    }

    [Fact]
    public async Task A_statement_that_did_not_compile_runs_once_its_table_exists()
    {
        const string Insert = "INSERT INTO later (name) VALUES (@name)";
        await Assert.ThrowsAsync<SqliteException>(() => Database.WriteAsync(write => write.ExecuteAsync(Insert, ("@name", "early")), CancellationToken.None));
        await Database.WriteAsync(write => write.ExecuteAsync("CREATE TABLE later (name TEXT NOT NULL)"), CancellationToken.None);

        for (var i = 0; i < 2; i++) await Database.WriteAsync(write => write.ExecuteAsync(Insert, ("@name", $"late{i}")), CancellationToken.None);

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(["late0", "late1"], await connection.QueryAsync<string>("SELECT name FROM later ORDER BY rowid"));
    }

    [Fact]
    public async Task Queued_writes_run_in_the_order_they_were_queued()
    {
        var (first, gate) = await HoldTheWriterAsync("w00");
        var writes = new List<Task> { first };
        for (var i = 1; i < 50; i++) writes.Add(Write($"w{i:00}"));
        gate.SetResult();
        await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"w{i:00}"), await Names());
        Assert.True(Database.WriteCounts.Commits < 50);
    }

    [Fact]
    public async Task A_write_completes_only_after_the_commit_that_holds_it()
    {
        var (first, gate) = await HoldTheWriterAsync("first");
        var ran = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var early = Database.WriteAsync(async write =>
        {
            await Insert(write, "early");
            ran.SetResult();
        }, CancellationToken.None);
        var late = Write("late", release.Task); // the same batch as "early", still running
        gate.SetResult();

        await ran.Task;
        await first;
        Assert.False(early.IsCompleted);
        Assert.DoesNotContain("early", await Names()); // not visible to a reader: not committed yet

        release.SetResult();
        await early;
        Assert.Contains("early", await Names());
        await late;
    }

    [Fact]
    public async Task Concurrent_writers_each_get_their_own_result_and_every_write_is_committed()
    {
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => Database.WriteAsync(async write =>
        {
            await Insert(write, $"c{i:000}");
            return i;
        }, CancellationToken.None))).ToList();

        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 200), results);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"c{i:000}"), (await Names()).Order(StringComparer.Ordinal));
        Assert.Equal(200L, Database.WriteCounts.Writes);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_never_runs()
    {
        var (first, gate) = await HoldTheWriterAsync("first");
        using var cancellation = new CancellationTokenSource();
        var cancelled = Database.WriteAsync(write => Insert(write, "cancelled"), cancellation.Token);
        var after = Write("after");
        cancellation.Cancel();
        gate.SetResult();

        await Task.WhenAll(first, after);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(["first", "after"], await Names());
    }

    /// <summary>A write that holds the writer until released: what is queued behind it waits for one batch.</summary>
    private async Task<(Task Write, TaskCompletionSource Release)> HoldTheWriterAsync(string name)
    {
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var write = Database.WriteAsync(async write =>
        {
            await Insert(write, name);
            started.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await started.Task;
        return (write, release);
    }

    private Task Write(string name, Task? holdUntil = null) => Database.WriteAsync(async write =>
    {
        await Insert(write, name);
        if (holdUntil is not null) await holdUntil;
    }, CancellationToken.None);

    private static Task<int> Insert(SqliteWrite write, string name) =>
        write.ExecuteAsync("INSERT INTO items (name) VALUES ($name)", ("$name", name));

    private async Task<List<string>> Names()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>("SELECT name FROM items ORDER BY seq")).ToList();
    }
}
