using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Monitoring.Monitor.Bench;

/// <summary>
/// The bench's view into the broker: an exclusive queue of its own bound to <c>AlertRaised</c> (small messages, so the
/// tap adds little load), and the depths of the stage queues, read with passive declares.
/// </summary>
public sealed class AlertTap : IAsyncDisposable
{
    public static readonly string[] StageQueues = ["classify-article", "match-subscriptions", "deliver-alert"];

    private readonly IConnection _connection;
    private readonly IChannel _tap;
    private IChannel _probe;

    private AlertTap(IConnection connection, IChannel tap, IChannel probe)
    {
        _connection = connection;
        _tap = tap;
        _probe = probe;
    }

    public static async Task<AlertTap> StartAsync(BrokerAddress broker, StageClock clock, CancellationToken cancellationToken)
    {
        var connection = await broker.Factory().CreateConnectionAsync("monitor-bench", cancellationToken);
        var tap = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = await tap.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await tap.QueueBindAsync(queue.QueueName, "Monitoring.Contracts:AlertRaised", "", cancellationToken: cancellationToken);
        await tap.BasicQosAsync(0, 500, false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(tap);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            if (envelope.RootElement.TryGetProperty("message", out var message) && message.TryGetProperty("articleId", out var id) && id.GetString() is { } articleId)
            {
                clock.Passed(Stage.Alerted, articleId);
            }

            return Task.CompletedTask;
        };
        await tap.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
        return new AlertTap(connection, tap, await connection.CreateChannelAsync(cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, long>> DepthsAsync(CancellationToken cancellationToken)
    {
        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var queue in StageQueues)
        {
            try
            {
                depths[queue] = (await _probe.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not declared yet: a failed passive declare closes the channel.
                _probe = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            }
        }

        return depths;
    }

    public async ValueTask DisposeAsync()
    {
        await _tap.DisposeAsync();
        await _probe.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
