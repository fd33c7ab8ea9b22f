using System.Text;
using RabbitMQ.Client;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>Messages classify can never process, published straight onto the pipeline's broker where ingest's messages go.</summary>
public static class PoisonMessages
{
    private const string Exchange = "Monitoring.Contracts:ArticleIngested";

    /// <summary>A body that is not JSON, and an <c>ArticleIngested</c> without text; the keys to find them by.</summary>
    public static async Task<IReadOnlyList<string>> PublishAsync(BrokerEndpoint broker)
    {
        var ct = TestContext.Current.CancellationToken;
        var notJson = "poison-" + Guid.NewGuid().ToString("N");
        var noText = "poison-" + Guid.NewGuid().ToString("N");
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        static BasicProperties Properties() => new() { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(Exchange, "", true, Properties(), Encoding.UTF8.GetBytes($"{{ this is not json {notJson}"), ct);
        var envelope = $$$"""
            {"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:Monitoring.Contracts:ArticleIngested"],
             "message":{"articleId":"{{{noText}}}","storyId":"{{{noText}}}","contentHash":"{{{noText}}}","text":"","language":"en","ingestedAt":"2026-01-01T00:00:00Z"}}
            """;
        await channel.BasicPublishAsync(Exchange, "", true, Properties(), Encoding.UTF8.GetBytes(envelope), ct);
        return [notJson, noText];
    }

    /// <summary>The messages of <paramref name="queue"/> that carry one of <paramref name="keys"/> (read and removed), waiting until all are there.</summary>
    public static async Task<IReadOnlyList<string>> ReadErrorQueueAsync(BrokerEndpoint broker, string queue, IReadOnlyList<string> keys)
    {
        var ct = TestContext.Current.CancellationToken;
        var found = new List<string>();
        await Eventually.HoldsAsync(async () =>
        {
            // A 541 ("noproc": the queue's process still starting) closes the connection, not only the channel.
            await using var connection = await broker.ConnectAsync();
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                BasicGetResult? message;
                while ((message = await channel.BasicGetAsync(queue, autoAck: false, ct)) is not null)
                {
                    var body = Encoding.UTF8.GetString(message.Body.Span);
                    if (keys.FirstOrDefault(k => body.Contains(k, StringComparison.Ordinal)) is { } key)
                    {
                        found.Add(key);
                        await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                    }
                }
            }
            catch (RabbitMQ.Client.Exceptions.RabbitMQClientException exception) when (exception is RabbitMQ.Client.Exceptions.AlreadyClosedException || exception is RabbitMQ.Client.Exceptions.OperationInterruptedException { ShutdownReason.ReplyCode: 404 or 541 })
            {
                // Not declared yet (MassTransit declares an error queue with its first fault), or still starting.
            }

            return found.Count >= keys.Count;
        }, $"{queue} holds the poison messages", TimeSpan.FromSeconds(60));
        return found;
    }
}
