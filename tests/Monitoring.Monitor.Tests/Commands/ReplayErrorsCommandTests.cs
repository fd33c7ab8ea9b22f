using System.Text;
using Monitoring.Monitor;
using Monitoring.Monitor.Bench;
using RabbitMQ.Client;

namespace Monitoring.Monitor.Tests.Commands;

/// <summary><c>monitor replay-errors</c> against the real broker: parked messages go back to their endpoint, fault headers dropped.</summary>
[Trait("Category", "Integration")]
public sealed class ReplayErrorsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_in_the_error_queue_are_moved_back_to_their_endpoint_without_their_fault_headers()
    {
        var queue = "replay-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await RabbitMqBroker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        foreach (var name in new[] { queue, queue + "_error" })
        {
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: Ct);
        }

        try
        {
            for (var i = 0; i < 3; i++)
            {
                var properties = new BasicProperties { Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = "boom", ["MT-Reason"] = "fault", ["kept"] = "yes" } };
                await channel.BasicPublishAsync("", queue + "_error", mandatory: false, properties, Encoding.UTF8.GetBytes($"message {i}"), Ct);
            }

            var output = new StringWriter();
            var broker = new BrokerAddress(RabbitMqBroker.Host, RabbitMqBroker.Port, RabbitMqBroker.VirtualHost, RabbitMqBroker.User, RabbitMqBroker.Password);

            Assert.Equal(0, await ReplayErrorsCommand.RunAsync(broker, queue, int.MaxValue, dryRun: true, output, TextWriter.Null, Ct));
            Assert.Equal(0u, (await channel.QueueDeclarePassiveAsync(queue, Ct)).MessageCount);
            Assert.Equal(0, await ReplayErrorsCommand.RunAsync(broker, queue, int.MaxValue, dryRun: false, output, TextWriter.Null, Ct));

            Assert.Contains("3 message(s) moved", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(0u, (await channel.QueueDeclarePassiveAsync(queue + "_error", Ct)).MessageCount);
            var bodies = new List<string>();
            while (await channel.BasicGetAsync(queue, autoAck: true, Ct) is { } message)
            {
                bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
                Assert.False(message.BasicProperties.Headers!.ContainsKey("MT-Fault-Message"));
                Assert.False(message.BasicProperties.Headers.ContainsKey("MT-Reason"));
                Assert.Equal("yes", Encoding.UTF8.GetString((byte[])message.BasicProperties.Headers["kept"]!));
            }

            Assert.Equal(["message 0", "message 1", "message 2"], bodies);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue, cancellationToken: Ct);
            await channel.QueueDeleteAsync(queue + "_error", cancellationToken: Ct);
        }
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_named()
    {
        var error = new StringWriter();
        var broker = new BrokerAddress(RabbitMqBroker.Host, RabbitMqBroker.Port, RabbitMqBroker.VirtualHost, RabbitMqBroker.User, RabbitMqBroker.Password);

        Assert.Equal(1, await ReplayErrorsCommand.RunAsync(broker, "no-such-endpoint", int.MaxValue, false, TextWriter.Null, error, Ct));
        Assert.Contains("no-such-endpoint_error", error.ToString(), StringComparison.Ordinal);
    }
}
