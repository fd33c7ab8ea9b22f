using Dapper;
using Microsoft.Data.Sqlite;
using Monitoring.Storage;

namespace Monitoring.Shared.Tests.Storage;

/// <summary>
/// <see cref="SqliteDatabase.WriteAsync{T}"/> lets queued writes share a commit: each must still fail alone, run in the
/// order it was queued and complete only once it is committed.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = StoreFactory.FreshSqlite();

    public async ValueTask InitializeAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE)");
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_failing_write_is_rolled_back_alone_and_only_its_caller_sees_the_exception()
    {
        var (first, gate) = await HoldTheWriterAsync("first");
        var before = Write("before");
        var failing = _database.WriteAsync(async write =>
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
        Assert.Equal((3L, 2L), _database.WriteCounts); // the four queued behind the first shared one commit
    }

    [Fact]
    public async Task A_query_in_a_write_returns_every_row_of_its_statement_each_time_it_runs()
    {
        await Write("a");
        await Write("b");
        for (var round = 0; round < 2; round++)
        {
            // The same text twice: the second run reuses the prepared statement and must see the first's change.
            var renamed = await _database.WriteAsync(write => write.QueryAsync(
                "UPDATE items SET name = name || @suffix RETURNING name", r => r.GetString(0), ("@suffix", "!")), CancellationToken.None);
            Assert.Equal(round == 0 ? ["a!", "b!"] : ["a!!", "b!!"], renamed.Order(StringComparer.Ordinal));
        }

        Assert.Equal(["a!!", "b!!"], await Names());
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
        Assert.True(_database.WriteCounts.Commits < 50);
    }

    [Fact]
    public async Task A_write_completes_only_after_the_commit_that_holds_it()
    {
        var (first, gate) = await HoldTheWriterAsync("first");
        var ran = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var early = _database.WriteAsync(async write =>
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
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => _database.WriteAsync(async write =>
        {
            await Insert(write, $"c{i:000}");
            return i;
        }, CancellationToken.None))).ToList();

        var results = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 200), results);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"c{i:000}"), (await Names()).Order(StringComparer.Ordinal));
        Assert.Equal(200L, _database.WriteCounts.Writes);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_never_runs()
    {
        var (first, gate) = await HoldTheWriterAsync("first");
        using var cancellation = new CancellationTokenSource();
        var cancelled = _database.WriteAsync(write => Insert(write, "cancelled"), cancellation.Token);
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
        var write = _database.WriteAsync(async write =>
        {
            await Insert(write, name);
            started.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await started.Task;
        return (write, release);
    }

    private Task Write(string name, Task? holdUntil = null) => _database.WriteAsync(async write =>
    {
        await Insert(write, name);
        if (holdUntil is not null) await holdUntil;
    }, CancellationToken.None);

    private static Task<int> Insert(SqliteWrite write, string name) =>
        write.ExecuteAsync("INSERT INTO items (name) VALUES ($name)", ("$name", name));

    private async Task<List<string>> Names()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>("SELECT name FROM items ORDER BY seq")).ToList();
    }
}
