using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>Reads a MassTransit <c>_error</c> queue straight from the broker.</summary>
public static class ErrorQueue
{
    /// <summary>
    /// The messages of <paramref name="queue"/> that carry one of <paramref name="keys"/> (read and removed), waiting until
    /// all are there: each key with the fault MassTransit recorded (its <c>MT-Fault-Message</c> header).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(BrokerEndpoint broker, string queue, IReadOnlyList<string> keys)
    {
        var ct = TestContext.Current.CancellationToken;
        var found = new Dictionary<string, string>();
        await Eventually.HoldsAsync(async () =>
        {
            // MassTransit declares an error queue with its first fault, so it may not exist or be ready yet: 404 closes the
            // channel, 541 ("noproc", the queue's process still starting) the whole connection, so each try has its own.
            await using var connection = await broker.ConnectAsync();
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                BasicGetResult? message;
                while ((message = await channel.BasicGetAsync(queue, autoAck: false, ct)) is not null)
                {
                    var body = Encoding.UTF8.GetString(message.Body.Span);
                    if (keys.FirstOrDefault(k => body.Contains(k, StringComparison.Ordinal)) is not { } key) continue;
                    found[key] = message.BasicProperties.Headers?["MT-Fault-Message"] is byte[] bytes ? Encoding.UTF8.GetString(bytes) : "";
                    await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                }
            }
            catch (RabbitMQClientException exception) when (exception is AlreadyClosedException || exception is OperationInterruptedException { ShutdownReason.ReplyCode: 404 or 541 })
            {
            }

            return found.Count >= keys.Count;
        }, $"{queue} holds the messages for {string.Join(", ", keys)}", TimeSpan.FromSeconds(60));
        return found;
    }
}
