using Monitoring.Alert.Analysts;
using Monitoring.Alert.Subscriptions;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Storage;

/// <summary>What every <see cref="IAnalystStore"/> and <see cref="ISubscriptionStore"/> must do: keys found by hash, data scoped to its owner.</summary>
public abstract class AnalystAndSubscriptionStoreContract
{
    protected abstract Task<IAnalystStore> CreateAnalystStoreAsync();

    protected abstract Task<ISubscriptionStore> CreateSubscriptionStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Subscription Subscription(string id, string analyst, int minute) => new()
    {
        SubscriptionId = id,
        AnalystId = analyst,
        Name = "Subscription " + id,
        Topics = ["law-enforcement"],
        Countries = ["CHN", "RUS"],
        Keywords = ["Shoigu"],
        WebhookUrl = "https://hooks.example/" + id,
        CreatedAt = Times.At(minute),
    };

    [Fact]
    public async Task An_analyst_is_found_by_key_hash_and_a_key_hash_is_unique()
    {
        var store = await CreateAnalystStoreAsync();
        var analyst = new Analyst { AnalystId = "an1", Name = "Ana", ApiKeyHash = "hash-1", CreatedAt = Times.At(0) };

        Assert.True(await store.TryInsertAsync(analyst, Ct));
        Assert.False(await store.TryInsertAsync(analyst with { AnalystId = "an2" }, Ct));
        Assert.Equal(analyst, await store.FindByKeyHashAsync("hash-1", Ct));
        Assert.Null(await store.FindByKeyHashAsync("hash-2", Ct));
    }

    [Fact]
    public async Task A_subscription_reads_back_unchanged_for_its_owner_only()
    {
        var store = await CreateSubscriptionStoreAsync();
        var subscription = Subscription("s1", "alice", 1);
        await store.InsertAsync(subscription, Ct);

        Json.AssertEquivalent(subscription, await store.GetAsync("alice", "s1", Ct));
        Assert.Null(await store.GetAsync("bob", "s1", Ct));
    }

    [Fact]
    public async Task Listing_returns_the_owner_s_subscriptions_oldest_first_and_list_all_returns_everyone_s()
    {
        var store = await CreateSubscriptionStoreAsync();
        await store.InsertAsync(Subscription("s2", "alice", 2), Ct);
        await store.InsertAsync(Subscription("s1", "alice", 1), Ct);
        await store.InsertAsync(Subscription("s3", "bob", 3), Ct);

        Assert.Equal(["s1", "s2"], (await store.ListAsync("alice", Ct)).Select(s => s.SubscriptionId));
        Assert.Equal(["s1", "s2", "s3"], (await store.ListAllAsync(Ct)).Select(s => s.SubscriptionId).Order());
    }

    [Fact]
    public async Task Only_the_owner_can_delete_a_subscription()
    {
        var store = await CreateSubscriptionStoreAsync();
        await store.InsertAsync(Subscription("s1", "alice", 1), Ct);

        Assert.False(await store.DeleteAsync("bob", "s1", Ct));
        Assert.NotNull(await store.GetAsync("alice", "s1", Ct));
        Assert.True(await store.DeleteAsync("alice", "s1", Ct));
        Assert.Null(await store.GetAsync("alice", "s1", Ct));
        Assert.False(await store.DeleteAsync("alice", "s1", Ct));
    }
}

public sealed class SqliteAnalystAndSubscriptionStoreTests : AnalystAndSubscriptionStoreContract
{
    protected override async Task<IAnalystStore> CreateAnalystStoreAsync() => await StoreFactory.CreateSqliteAsync<Monitoring.Alert.Storage.SqliteAnalystStore>();

    protected override async Task<ISubscriptionStore> CreateSubscriptionStoreAsync() => await StoreFactory.CreateSqliteAsync<Monitoring.Alert.Storage.SqliteSubscriptionStore>();
}

public sealed class MongoAnalystAndSubscriptionStoreTests(MongoServer mongo) : AnalystAndSubscriptionStoreContract
{
    protected override async Task<IAnalystStore> CreateAnalystStoreAsync() => await StoreFactory.CreateMongoAsync<Monitoring.Alert.Storage.MongoAnalystStore>(mongo);

    protected override async Task<ISubscriptionStore> CreateSubscriptionStoreAsync() => await StoreFactory.CreateMongoAsync<Monitoring.Alert.Storage.MongoSubscriptionStore>(mongo);
}
