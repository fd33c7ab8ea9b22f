using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Storage;
using Monitoring.Storage.Paging;

namespace Monitoring.Ingest.Tests.Storage;

/// <summary>What every <see cref="ISourceStore"/> must do, whichever database is underneath.</summary>
public abstract class SourceStoreContract
{
    protected abstract Task<ISourceStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FeedSource Source(string id) => new()
    {
        Id = id,
        Url = $"https://{id}.example/rss",
        Name = "Feed " + id,
        PollInterval = TimeSpan.FromMinutes(15),
        CreatedAt = Times.At(1),
    };

    private static readonly SourceStatus Polled = new()
    {
        LastPolledAt = Times.At(2), LastSuccessAt = Times.At(2), NextPollAt = Times.At(17), LastOutcome = "ok", LastError = "1 of 3 items failed",
        ConsecutiveFailures = 0, LastItemsSeen = 3, LastItemsNew = 2, TotalItemsSeen = 10, TotalItemsNew = 7, TotalErrors = 1, TotalPolls = 4,
        ETag = "\"abc\"", LastModified = Times.At(0),
    };

    [Fact]
    public async Task A_created_source_reads_back_unchanged_and_an_existing_id_is_not_overwritten()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryCreateAsync(Source("a"), Ct));
        Assert.False(await store.TryCreateAsync(Source("a") with { Url = "https://other.example/" }, Ct));

        Assert.Equal(Source("a"), await store.GetAsync("a", Ct));
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task Status_is_saved_and_survives_a_definition_update()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Source("a"), Ct);

        await store.SaveStatusAsync("a", Polled, Ct);
        Assert.True(await store.UpdateDefinitionAsync(Source("a") with { PollInterval = TimeSpan.FromHours(1), Enabled = false, Origin = "config" }, Ct));
        Assert.False(await store.UpdateDefinitionAsync(Source("missing"), Ct));

        var stored = await store.GetAsync("a", Ct);
        Assert.Equal(Source("a") with { PollInterval = TimeSpan.FromHours(1), Enabled = false, Origin = "config", Status = Polled }, stored);
    }

    [Fact]
    public async Task Sources_list_by_id_and_delete_with_their_seen_items()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Source("b"), Ct);
        await store.TryCreateAsync(Source("a"), Ct);
        await store.MarkItemSeenAsync("b", "item", Times.At(3), Ct);

        Assert.Equal(["a", "b"], (await store.ListAsync(new PageRequest(10), Ct)).Items.Select(s => s.Id));
        var first = await store.ListAsync(new PageRequest(1), Ct);
        Assert.Equal(["a"], first.Items.Select(s => s.Id));
        Assert.Equal(["b"], (await store.ListAsync(new PageRequest(1, first.Next), Ct)).Items.Select(s => s.Id));
        Assert.True(await store.DeleteAsync("b", Ct));
        Assert.False(await store.DeleteAsync("b", Ct));
        Assert.Equal(["a"], (await store.ListAsync(new PageRequest(10), Ct)).Items.Select(s => s.Id));
        Assert.Empty(await store.GetSeenItemsAsync("b", ["item"], Ct));
    }

    [Fact]
    public async Task Seen_items_are_recorded_once_per_source()
    {
        var store = await CreateStoreAsync();
        var longKey = "https://news.example/" + new string('x', 3000);

        await store.MarkItemSeenAsync("a", "one", Times.At(1), Ct);
        await store.MarkItemSeenAsync("a", "one", Times.At(2), Ct);
        await store.MarkItemSeenAsync("a", longKey, Times.At(2), Ct);
        await store.MarkItemSeenAsync("b", "two", Times.At(2), Ct);

        var seen = await store.GetSeenItemsAsync("a", ["one", "two", longKey, "three"], Ct);
        Assert.Equal(new HashSet<string> { "one", longKey }, seen.ToHashSet());
        Assert.Empty(await store.GetSeenItemsAsync("a", [], Ct));
    }
}

public sealed class SqliteSourceStoreTests : SourceStoreContract
{
    protected override async Task<ISourceStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteSourceStore>();
}

public sealed class MongoSourceStoreTests(MongoServer mongo) : SourceStoreContract
{
    protected override async Task<ISourceStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoSourceStore>(mongo);
}
