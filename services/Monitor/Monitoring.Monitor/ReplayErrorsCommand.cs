using System.CommandLine;
using Monitoring.Monitor.Bench;
using RabbitMQ.Client;

namespace Monitoring.Monitor;

/// <summary>
/// <c>monitor replay-errors QUEUE</c>: moves the messages MassTransit parked in <c>QUEUE_error</c> back to <c>QUEUE</c>,
/// once the cause is fixed. Each is republished with publisher confirms before it is removed from the error queue, so
/// nothing is lost if the command stops half-way (at worst a message is in both and is consumed idempotently). The
/// fault headers (<c>MT-Fault-*</c>, <c>MT-Reason</c>) are dropped so a second failure is reported afresh.
/// </summary>
public static class ReplayErrorsCommand
{
    public static Command Create()
    {
        var queue = new Argument<string>("QUEUE") { Description = "The receive endpoint, e.g. classify-article (its error queue is classify-article_error)" };
        var rabbit = new Option<string?>("--rabbitmq") { Description = "amqp://user:password@host:port/vhost; default: the MONITORING_RABBITMQ_* variables" };
        var max = new Option<int>("--max") { Description = "Move at most this many messages", DefaultValueFactory = _ => int.MaxValue };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count the messages waiting in the error queue" };
        var command = new Command("replay-errors", "Move messages from an endpoint's _error queue back to the endpoint, after fixing what made them fail") { queue, rabbit, max, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(rabbit) is { Length: > 0 } uri ? BrokerAddress.Parse(uri) : BrokerAddress.FromEnvironment();
            if (address is null)
            {
                await Console.Error.WriteLineAsync("monitor replay-errors: no broker given: --rabbitmq amqp://user:password@host:port/vhost (or MONITORING_RABBITMQ_*).");
                return 2;
            }

            return await RunAsync(address, parse.GetValue(queue)!, parse.GetValue(max), parse.GetValue(dryRun), Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(BrokerAddress broker, string queue, int max, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var errorQueue = queue.EndsWith("_error", StringComparison.Ordinal) ? queue : queue + "_error";
        var target = errorQueue[..^"_error".Length];
        try
        {
            await using var connection = await broker.Factory().CreateConnectionAsync("monitor-replay-errors", cancellationToken);
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            var waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
            await channel.QueueDeclarePassiveAsync(target, cancellationToken);
            if (dryRun)
            {
                await output.WriteLineAsync($"{errorQueue}: {waiting} message(s) waiting; nothing moved (--dry-run).");
                return 0;
            }

            var moved = 0;
            while (moved < max && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
            {
                var properties = new BasicProperties(message.BasicProperties)
                {
                    Headers = message.BasicProperties.Headers?
                        .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                        .ToDictionary(h => h.Key, h => h.Value),
                };
                await channel.BasicPublishAsync("", target, mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }

            await output.WriteLineAsync($"{errorQueue} → {target}: {moved} message(s) moved.");
            return 0;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            await error.WriteLineAsync($"monitor replay-errors: {exception.ShutdownReason.ReplyText}");
            return 1;
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            await error.WriteLineAsync($"monitor replay-errors: the broker at {broker} does not answer.");
            return 2;
        }
    }
}
