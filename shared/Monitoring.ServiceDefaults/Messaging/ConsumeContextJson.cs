using MassTransit;

namespace Monitoring.ServiceDefaults.Messaging;

public static class ConsumeContextJson
{
    /// <summary>
    /// The JSON the message was read from, a slice of the body as received (no copy), when this project's readers read it
    /// (<see cref="ParsedOnDemandContext"/>: RabbitMQ's envelope and the in-memory bus); empty otherwise. Valid while the
    /// message is being consumed: a consumer that keeps it copies it.
    /// </summary>
    public static ReadOnlyMemory<byte> MessageJson<T>(this ConsumeContext<T> context) where T : class =>
        context.SerializerContext is ParsedOnDemandContext parsed && parsed.IsSupportedMessageType<T>() ? parsed.Json : ReadOnlyMemory<byte>.Empty;
}
