using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Storage;

namespace Monitoring.Alert.Tests.Storage;

/// <summary>What every <see cref="ICorroborationStore"/> must do: one report per event and article, read back in time order; denials by window and actor.</summary>
public abstract class CorroborationStoreContract
{
    protected abstract Task<ICorroborationStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Window = EventReports.WindowStart(Times.At(0), TimeSpan.FromDays(1));

    private static EventReport Report(string article, int minute, string source = "NOR", string target = "RUS", string cameo = "174", string outlet = "wire", string? story = null, DateTimeOffset? window = null)
    {
        var start = window ?? Window;
        return new EventReport
        {
            EventId = EventReports.EventIdOf(source, target, cameo[..2], start), Source = source, Target = target, Root = cameo[..2], WindowStart = start,
            ArticleId = article, StoryId = story ?? "story-" + article, Outlet = outlet, Cameo = cameo, Title = "Title " + article, Url = "https://news.example/" + article,
            ReportedAt = Times.At(minute), IsDenial = cameo == EventReports.DenialCode,
        };
    }

    [Fact]
    public async Task A_report_reads_back_unchanged_once_in_time_order()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync([Report("a2", 5, outlet: "tass")], Ct);
        await store.AddAsync([Report("a1", 1), Report("a1", 1, target: "SWE")], Ct);
        await store.AddAsync([Report("a2", 9, outlet: "again")], Ct);

        var reports = await store.ReportsAsync(Report("a1", 1).EventId, Ct);

        Assert.Equal(["a1", "a2"], reports.Select(r => r.ArticleId));
        Json.AssertSameInstants(Report("a1", 1), reports[0]);
        Json.AssertSameInstants(Report("a2", 5, outlet: "tass"), reports[1]);
        Assert.Single(await store.ReportsAsync(Report("a1", 1, target: "SWE").EventId, Ct));
        Assert.Empty(await store.ReportsAsync("NOR-RUS-19-20240516T0000", Ct));
    }

    [Fact]
    public async Task Concurrent_copies_of_one_report_store_one()
    {
        var store = await CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.AddAsync([Report("a1", 1)], Ct)));

        Assert.Single(await store.ReportsAsync(Report("a1", 1).EventId, Ct));
    }

    [Fact]
    public async Task Denials_are_found_by_window_and_by_who_denies()
    {
        var store = await CreateStoreAsync();
        var nextDay = Window.AddDays(1);
        await store.AddAsync([Report("d1", 3, source: "NOR", target: "---", cameo: "016"), Report("a1", 1)], Ct);
        await store.AddAsync([Report("d2", 2, source: "RUS", target: "NOR", cameo: "016")], Ct);
        await store.AddAsync([Report("d3", 4, source: "SWE", target: "---", cameo: "016")], Ct);
        await store.AddAsync([Report("d4", 1, source: "NOR", target: "---", cameo: "016", window: nextDay)], Ct);

        var denials = await store.DenialsAsync(Window, ["NOR", "RUS"], Ct);

        Assert.Equal(["d2", "d1"], denials.Select(d => d.ArticleId));
        Assert.All(denials, d => Assert.True(d.IsDenial));
        Assert.Equal(["d4"], (await store.DenialsAsync(nextDay, ["NOR"], Ct)).Select(d => d.ArticleId));
    }
}

public sealed class SqliteCorroborationStoreTests : CorroborationStoreContract
{
    protected override async Task<ICorroborationStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteCorroborationStore>();
}

public sealed class MongoCorroborationStoreTests(MongoServer mongo) : CorroborationStoreContract
{
    protected override async Task<ICorroborationStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoCorroborationStore>(mongo);
}
