
namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// Faults of the broker itself under load — <c>rabbitmqctl stop_app</c>/<c>start_app</c>, and SIGKILL of the broker
/// process then a fresh start — each followed by the history check. The services run on a RabbitMQ node of the
/// suite's own (<see cref="OwnBroker"/>), so no other test run sharing the machine's broker is disturbed.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Category", "Faults")]
public sealed class BrokerFaultTests(OwnBrokerPipeline pipeline) : FaultScenario(pipeline), IClassFixture<OwnBrokerPipeline>
{
    private OwnBroker Node => ((OwnBrokerPipeline)Pipeline).Node!;

    [Fact(Timeout = Timeout)]
    public async Task The_broker_restarted_under_load_loses_nothing()
    {
        if (OwnBroker.Unavailable is { } reason) Assert.Skip(reason);
        var (articles, subscription) = await ScenarioAsync("faultbrokerrestart", 30);
        var started = 0;

        var posted = await PostAsync(articles, parallel: 3, beforeEach: async index =>
        {
            if (Interlocked.Increment(ref started) == 10) await Node.RestartAsync();
        });

        await AssertHistoryAsync(articles, subscription, posted);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_broker_killed_with_SIGKILL_under_load_loses_nothing()
    {
        if (OwnBroker.Unavailable is { } reason) Assert.Skip(reason);
        var (articles, subscription) = await ScenarioAsync("faultbrokerkill", 30);
        var started = 0;

        var posted = await PostAsync(articles, parallel: 3, beforeEach: async index =>
        {
            if (Interlocked.Increment(ref started) == 10) await Node.KillAndStartAsync();
        });

        await AssertHistoryAsync(articles, subscription, posted);
    }
}
