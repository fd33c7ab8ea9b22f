using System.Text;
using Monitoring.Monitor.Bench;
using Monitoring.Testing;

namespace Monitoring.Monitor.Tests.Bench;

/// <summary>The floor of <c>monitor bench</c> against the real broker: warm-up, several passes, the best kept, nothing left behind.</summary>
public sealed class BrokerFloorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_floor_is_the_best_of_its_measured_passes_each_carrying_every_payload_through_three_hops()
    {
        var broker = new BrokerAddress(RabbitMqBroker.Host, RabbitMqBroker.Port, RabbitMqBroker.VirtualHost, RabbitMqBroker.User, RabbitMqBroker.Password);
        var payloads = Enumerable.Range(0, 60).Select(i => Encoding.UTF8.GetBytes($"{{\"text\":\"payload {i} of the floor test\"}}")).ToList();

        var floor = await BrokerFloor.MeasureBestAsync(broker, payloads, prefetch: 16, concurrency: 4, passes: 3, warmupMessages: 20, TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(3, floor.Passes.Count);
        Assert.All(floor.Passes, pass => Assert.Equal(payloads.Count, pass.Messages));
        Assert.All(floor.Passes, pass => Assert.Equal(payloads.Count, pass.LatenciesMs.Length));
        Assert.Equal(floor.Passes.Max(p => p.Rate), floor.Rate);
        Assert.Contains("best of 3 passes after a warm-up", BrokerFloor.Describe(floor), StringComparison.Ordinal);
        if (RabbitMqCtl.Unavailable is null) Assert.Empty(await RabbitMqCtl.QueuesAsync("bench-floor-"));
    }
}
