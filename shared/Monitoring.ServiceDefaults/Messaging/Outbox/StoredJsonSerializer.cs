using System.Net.Mime;
using System.Text;
using MassTransit;
using MassTransit.Serialization;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The body of a message the outbox publishes on the in-memory bus: the JSON the outbox already wrote for it, instead of
/// serialising the message a second time on the way out (1 % of the pipeline's CPU, docs/benchmarks.md). Only where the
/// bus sends raw JSON (no envelope: the one-process host); over RabbitMQ MassTransit's envelope is written as always.
/// The headers are the raw serializer's own; the consumer reads the same values either way (the outbox writes
/// camelCase JSON, as MassTransit does, and reads case-insensitively).
/// </summary>
internal sealed class StoredJsonSerializer(IMessageSerializer raw, string json) : IMessageSerializer
{
    public ContentType ContentType => raw.ContentType;

    /// <summary>Uses the stored JSON when <paramref name="context"/> would be sent as raw JSON.</summary>
    public static void Apply(SendContext context, string json)
    {
        if (context.Serializer is SystemTextJsonRawMessageSerializer raw) context.Serializer = new StoredJsonSerializer(raw, json);
    }

    public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class
    {
        // The raw serializer sets the transport headers (message id and types); its own body is never read.
        _ = raw.GetMessageBody(context);
        return new ArrayMessageBody(Encoding.UTF8.GetBytes(json));
    }
}
