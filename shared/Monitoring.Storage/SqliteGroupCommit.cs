using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Monitoring.Storage;

/// <summary>
/// The writer of one SQLite file: writes queue here and a single loop runs up to <see cref="MaxWritesPerCommit"/> of
/// them in one transaction (<c>BEGIN IMMEDIATE</c> … <c>COMMIT</c>). Each write runs inside a <c>SAVEPOINT</c> of its
/// own, so a write that throws is rolled back alone and only its caller sees the exception; the others commit. A
/// caller's task completes only after the <c>COMMIT</c> that holds its write, so "awaited" still means "durable" (an
/// acknowledgement after it is as safe as before). What a commit costs (the WAL append, its lock, the statement) is
/// shared by every write in it: under load the queue fills while a commit runs and the next one takes it all.
/// </summary>
internal sealed class SqliteGroupCommit : IDisposable
{
    public const int MaxWritesPerCommit = 32;

    private const string Savepoint = "w";

    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<QueuedWrite> _batch = new(MaxWritesPerCommit);
    private readonly Queue<QueuedWrite> _carried = new();
    private readonly Task _loop;
    private SqliteConnection? _writer;
    private SqliteStatements? _statements;
    private long _writes;
    private long _commits;

    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Writes committed so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Commits so far (each holding one write or more).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
        var write = new QueuedWrite<T>(work, cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Task;
    }

    private async Task RunAsync()
    {
        while (_carried.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            _batch.Clear();
            while (_batch.Count < MaxWritesPerCommit && (_carried.TryDequeue(out var write) || _queue.Reader.TryRead(out write)))
            {
                if (write.TryStart()) _batch.Add(write);
            }

            if (_batch.Count == 0) continue;
            try
            {
                await CommitAsync(_batch);
            }
            catch (Exception exception)
            {
                // Not expected (CommitAsync settles every write itself), but a dead loop would leave every later write waiting.
                Reset(null);
                foreach (var write in _batch) write.Fail(exception);
            }
        }
    }

    /// <summary>One transaction for <paramref name="batch"/>; every write is completed, failed or carried to the next.</summary>
    private async Task CommitAsync(List<QueuedWrite> batch)
    {
        SqliteTransaction transaction;
        try
        {
            var connection = _writer ??= await OpenWriterAsync();
            _statements ??= new SqliteStatements(connection);
            transaction = connection.BeginTransaction(deferred: false);
        }
        catch (Exception exception)
        {
            Reset(exception);
            foreach (var write in batch) write.Fail(exception);
            return;
        }

        var ran = 0;
        Exception? broken = null; // the connection may be broken: no more writes on it, a new one after this commit
        Exception? lost = null; // the transaction no longer holds this batch's writes: nothing to commit
        await using (transaction)
        {
            var context = new SqliteWrite(transaction, _statements!);
            var own = batch.Count > 1; // one write alone needs no savepoint: the transaction is its own
            for (; ran < batch.Count && broken is null && lost is null; ran++)
            {
                var write = batch[ran];
                if (own) transaction.Save(Savepoint);
                try
                {
                    await write.RunAsync(context);
                    if (own) transaction.Release(Savepoint);
                }
                catch (Exception exception)
                {
                    write.Fail(exception);
                    batch[ran] = Failed.Instance;
                    if (Breaks(exception)) broken = exception;
                    if (!own || !TryRollBack(transaction)) lost = exception;
                }
            }

            if (lost is null)
            {
                try
                {
                    await transaction.CommitAsync(CancellationToken.None);
                }
                catch (Exception exception)
                {
                    lost = broken = exception;
                }
            }
        }

        var committed = 0;
        for (var i = 0; i < ran; i++)
        {
            if (batch[i] is Failed) continue;
            if (lost is null) batch[i].Complete();
            else batch[i].Fail(lost);
            committed++;
        }

        if (lost is null)
        {
            Interlocked.Add(ref _writes, committed);
            Interlocked.Increment(ref _commits);
        }

        if (broken is not null || (lost is not null && committed > 0)) Reset(broken);
        Carry(batch, ran);
    }

    /// <summary>
    /// The writer's connection, with room for the pages it rewrites commit after commit (the indexes' upper levels and
    /// the tables' last pages: SQLite's default 2 MB cache made it read them back from the OS again and again) and a
    /// checkpoint every 16 MB of WAL instead of every 4 MB, so a page rewritten by many commits is copied back to the
    /// file fewer times. The statement journals of the savepoints (each write's own, to roll it back alone) are kept in
    /// memory: on files, every batch created, wrote and unlinked a temporary file in /var/tmp (904 of them in one bench run,
    /// docs/benchmarks.md). None of these changes what a commit guarantees: a savepoint's journal never outlives its transaction.
    /// </summary>
    private async Task<SqliteConnection> OpenWriterAsync()
    {
        var connection = await _open(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = WriterPragmas;
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private const string WriterPragmas = "PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 4000; PRAGMA temp_store = MEMORY;";

    /// <summary>The writes after a broken connection never ran: they go first into the next transaction.</summary>
    private void Carry(List<QueuedWrite> batch, int from)
    {
        for (var i = from; i < batch.Count; i++) _carried.Enqueue(batch[i]);
    }

    private static bool TryRollBack(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            return true;
        }
        catch (SqliteException)
        {
            // SQLite ended the whole transaction itself (disk full, I/O): nothing of this batch is left to commit.
            return false;
        }
    }

    /// <summary>Not busy, locked or a constraint: the connection itself may be broken, so the next write opens a new one.</summary>
    private static bool Breaks(Exception exception) => exception is SqliteException { SqliteErrorCode: not (5 or 6 or 19) };

    private void Reset(Exception? cause)
    {
        if (cause is SqliteException { SqliteErrorCode: 5 or 6 or 19 }) return;
        _statements?.Dispose();
        _statements = null;
        _writer?.Dispose();
        _writer = null;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(30));
        Reset(null);
    }

    private abstract class QueuedWrite
    {
        private int _state; // 0 queued, 1 started, 2 cancelled while queued

        public bool TryStart() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        protected bool TryCancel() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;

        public abstract Task RunAsync(SqliteWrite write);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T> : QueuedWrite
    {
        private readonly Func<SqliteWrite, Task<T>> _work;
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _cancellation;
        private T _result = default!;

        public QueuedWrite(Func<SqliteWrite, Task<T>> work, CancellationToken cancellationToken)
        {
            _work = work;
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.Register(() =>
                {
                    if (TryCancel()) _done.TrySetCanceled(cancellationToken);
                });
            }
        }

        public Task<T> Task => _done.Task;

        public override async Task RunAsync(SqliteWrite write)
        {
            _cancellation.Dispose();
            _result = await _work(write);
        }

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }

    /// <summary>Stands in the batch for a write that failed (and was told so), so the commit does not complete it.</summary>
    private sealed class Failed : QueuedWrite
    {
        public static readonly Failed Instance = new();

        public override Task RunAsync(SqliteWrite write) => Task.CompletedTask;

        public override void Complete() { }

        public override void Fail(Exception exception) { }
    }
}
