using Dapper;
using Monitoring.Storage;

namespace Monitoring.Shared.Tests.Storage;

/// <summary>
/// <see cref="SqliteDatabase.ReadAsync{T}"/> keeps its statements prepared on its reader connections: a statement run again
/// must see what was committed since, leave no read transaction behind, and a read that throws must not spoil the next.
/// </summary>
public sealed class SqliteReadTests() : FreshSqliteFile("CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, size INTEGER NULL)")
{
    [Fact]
    public async Task The_same_statement_run_again_sees_what_was_committed_since_with_its_new_parameters()
    {
        await Write("a", 1);
        Assert.Equal(["a"], await NamesAtLeast(1));

        await Write("b", 2);
        await Write("c", 3);
        Assert.Equal(["a", "b", "c"], await NamesAtLeast(1));
        Assert.Equal(["c"], await NamesAtLeast(3));
        Assert.Equal(3L, await Database.ReadAsync(read => read.ScalarAsync("SELECT COUNT(*) FROM items"), CancellationToken.None));
        Assert.Null(await Database.ReadAsync(read => read.ScalarAsync("SELECT size FROM items WHERE name = @name", ("@name", "none")), CancellationToken.None));
    }

    [Fact]
    public async Task A_null_parameter_binds_as_null()
    {
        await Write("sized", 5);
        await Write("unsized", null);

        var unsized = await Database.ReadAsync(read => read.QueryAsync(
            "SELECT name FROM items WHERE (@size IS NULL AND size IS NULL) OR size = @size", r => r.GetString(0), ("@size", null)), CancellationToken.None);

        Assert.Equal(["unsized"], unsized);
    }

    [Fact]
    public async Task Reads_leave_no_read_transaction_open_so_a_checkpoint_can_empty_the_log()
    {
        for (var i = 0; i < 20; i++)
        {
            await Write($"w{i}", i);
            await NamesAtLeast(0); // every reader connection in turn, each with its statement prepared
        }

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var (busy, _, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.Equal(0L, busy);
        Assert.Equal(0L, new FileInfo(Database.Path + "-wal").Length);
    }

    [Fact]
    public async Task A_read_that_throws_fails_alone_and_the_next_reads_still_answer()
    {
        await Write("a", 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.ReadAsync<int>(async read =>
        {
            await read.QueryAsync("SELECT name FROM items", r => r.GetString(0));
            throw new InvalidOperationException("this read fails");
        }, CancellationToken.None));
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            Database.ReadAsync(read => read.ScalarAsync("SELECT nothing FROM nowhere"), CancellationToken.None));

        var reads = Enumerable.Range(0, 50).Select(_ => Task.Run(() => NamesAtLeast(1)));
        Assert.All(await Task.WhenAll(reads), names => Assert.Equal(["a"], names));
    }

    private Task<List<string>> NamesAtLeast(int size) => Database.ReadAsync(read => read.QueryAsync(
        "SELECT name FROM items WHERE size >= @size ORDER BY seq", r => r.GetString(0), ("@size", size)), CancellationToken.None);

    private Task Write(string name, int? size) => Database.WriteAsync(write => write.ExecuteAsync(
        "INSERT INTO items (name, size) VALUES (@name, @size)", ("@name", name), ("@size", size)), CancellationToken.None);
}
