using System.Diagnostics;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>What every fault test does: a scenario of its own (articles and a subscription), posting, the history check.</summary>
public abstract class FaultScenario(Pipeline pipeline) : IAsyncLifetime
{
    protected const int Timeout = 300_000;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    /// <summary>What a killed alert service may have sent and not recorded: every delivery it had in flight.</summary>
    protected const int DeliveriesInFlight = Pipeline.DeliveriesInFlight;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Pipeline Pipeline { get; } = pipeline;

    public async ValueTask InitializeAsync() => await Pipeline.EnsureRunningAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected async Task<(Articles Articles, string Subscription)> ScenarioAsync(string marker, int count) =>
        (new Articles(marker, count), await Pipeline.SubscribeAsync(marker));

    protected static async Task RestartAsync(ServiceProcess service, string failPoints)
    {
        await service.TerminateAsync(TimeSpan.FromSeconds(40));
        await service.StartAsync(failPoints);
    }

    protected async Task<PostResult> PostAsync(Articles articles, int parallel = 3, Func<int, Task>? beforeEach = null)
    {
        using var ingest = Pipeline.Client(Pipeline.Ingest);
        return await articles.PostAllAsync(ingest, parallel, TimeSpan.FromSeconds(150), beforeEach);
    }

    protected async Task<History> AssertHistoryAsync(Articles articles, string subscription, PostResult posted, int allowedRepeats = 0)
    {
        Assert.True(posted.NeverAccepted == 0, $"{posted.NeverAccepted} articles were never accepted; refusals: {string.Join(", ", posted.Refusals.Take(20))}\n{Pipeline.Logs()}");
        var watch = Stopwatch.StartNew();
        var history = await History.SettleAsync(Pipeline, subscription, posted.Accepted, Settle);
        var what = $"{articles.Marker}: {history} (settled in {watch.Elapsed.TotalSeconds:0} s; refusals on the way: {posted.Refusals.Count})";
        TestContext.Current.SendDiagnosticMessage(what);
        Assert.True(history.NothingLost, what + "\n" + Pipeline.Logs());
        Assert.True(history.DuplicateAlerts == 0, what + "\n" + Pipeline.Logs());
        Assert.True(history.RepeatedDeliveries <= allowedRepeats, what + "\n" + Pipeline.Logs());
        return history;
    }
}
