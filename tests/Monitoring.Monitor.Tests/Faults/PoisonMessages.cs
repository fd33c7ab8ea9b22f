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
}
