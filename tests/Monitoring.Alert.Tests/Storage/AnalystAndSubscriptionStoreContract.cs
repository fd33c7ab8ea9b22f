using Monitoring.Alert.Analysts;
using Monitoring.Alert.Subscriptions;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Tests.Storage;

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
        Query = "(country:RUS OR country:CHN) AND NOT \"football\"",
        MinScore = 2.5,
        Channels = [new DeliveryChannel(ChannelType.Webhook, "https://hooks.example/" + id), new DeliveryChannel(ChannelType.Email, "ana@example.org")],
        Schedule = new DeliverySchedule(ScheduleKind.Daily, new TimeOnly(8, 30), "Europe/Paris"),
        QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "Asia/Shanghai"),
        UrgentQuery = "event:18",
        NotifyOnUpdates = true,
        SigningSecret = "whsec_" + id,
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

        var stored = await store.GetAsync("alice", "s1", Ct);
        Json.AssertEquivalent(subscription, stored);
        Assert.Equal("whsec_s1", stored!.SigningSecret);
        Assert.Equal(subscription.Schedule, stored.Schedule);
        Assert.Equal(subscription.QuietHours, stored.QuietHours);
        Assert.Equal(subscription.Channels, stored.Channels);
        Assert.Null(await store.GetAsync("bob", "s1", Ct));
        Assert.Equal("whsec_s1", (await store.FindAsync("s1", Ct))!.SigningSecret);
    }

    [Fact]
    public async Task Only_the_owner_can_update_a_subscription_and_its_secret_and_creation_time_stay()
    {
        var store = await CreateSubscriptionStoreAsync();
        await store.InsertAsync(Subscription("s1", "alice", 1), Ct);
        var changed = Subscription("s1", "alice", 9) with { Name = "Renamed", Query = "topic:diplomacy", Channels = [], SigningSecret = null, QuietHours = null };

        Assert.False(await store.UpdateAsync(changed with { AnalystId = "bob" }, Ct));
        Assert.True(await store.UpdateAsync(changed, Ct));

        var stored = await store.GetAsync("alice", "s1", Ct);
        Assert.Equal("Renamed", stored!.Name);
        Assert.Equal("topic:diplomacy", stored.Query);
        Assert.Empty(stored.Channels);
        Assert.Null(stored.QuietHours);
        Assert.Equal("whsec_s1", stored.SigningSecret);
        Assert.Equal(Times.At(1), stored.CreatedAt);
    }

    [Fact]
    public async Task Listing_returns_the_owner_s_subscriptions_oldest_first_and_list_all_returns_everyone_s()
    {
        var store = await CreateSubscriptionStoreAsync();
        await store.InsertAsync(Subscription("s2", "alice", 2), Ct);
        await store.InsertAsync(Subscription("s1", "alice", 1), Ct);
        await store.InsertAsync(Subscription("s3", "bob", 3), Ct);

        Assert.Equal(["s1", "s2"], (await store.ListAsync("alice", new PageRequest(10), Ct)).Items.Select(s => s.SubscriptionId));
        Assert.Equal(["s1", "s2", "s3"], (await store.ListAllAsync(Ct)).Select(s => s.SubscriptionId).Order());
        Assert.Equal(2, await store.CountAsync("alice", Ct));
        Assert.Equal(0, await store.CountAsync("carol", Ct));
    }

    [Fact]
    public async Task Pages_of_subscriptions_follow_each_other_oldest_first_ties_by_id()
    {
        var store = await CreateSubscriptionStoreAsync();
        await store.InsertAsync(Subscription("s3", "alice", 2), Ct);
        await store.InsertAsync(Subscription("s1", "alice", 1), Ct);
        await store.InsertAsync(Subscription("s2", "alice", 2), Ct);
        await store.InsertAsync(Subscription("s4", "alice", 3), Ct);

        var first = await store.ListAsync("alice", new PageRequest(3), Ct);
        var second = await store.ListAsync("alice", new PageRequest(3, first.Next), Ct);

        Assert.Equal(["s1", "s2", "s3"], first.Items.Select(s => s.SubscriptionId));
        Assert.Equal(["s4"], second.Items.Select(s => s.SubscriptionId));
        Assert.Null(second.Next);
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
