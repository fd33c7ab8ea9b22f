using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// A serializer context that reads the message of a supported type straight from its JSON (<paramref name="json"/>, a slice of the body), once per type,
/// with MassTransit's options. The message context (ids, addresses, sent time, headers) is given by the reader; whatever
/// else needs the message (another type, re-sending it on redelivery, a dictionary of it) gets MassTransit's own context
/// for the same body, parsed on first use by <see cref="Parse"/>. Shared by <see cref="InMemoryJsonSerializerFactory"/>
/// (raw bodies) and <see cref="EnvelopeJsonSerializerFactory"/> (MassTransit's envelope on RabbitMQ).
/// </summary>
public abstract class ParsedOnDemandContext(MessageContext context, string[] messageTypes, ReadOnlyMemory<byte> json)
    : BaseSerializerContext(SystemTextJsonMessageSerializer.Instance, context, messageTypes)
{
    private readonly ConcurrentDictionary<Type, object?> _messages = new();
    private SerializerContext? _parsed;

    /// <summary>The message's JSON, as it lies in the body.</summary>
    public ReadOnlyMemory<byte> Json => json;

    /// <summary>MassTransit's own context for this body, with its document: for everything that reads the message some other way.</summary>
    protected SerializerContext Parsed => _parsed ??= Parse();

    /// <summary>MassTransit's own context for the same body.</summary>
    protected abstract SerializerContext Parse();

    public override bool TryGetMessage<T>(out T? message) where T : class
    {
        if (!IsSupportedMessageType<T>()) return Parsed.TryGetMessage(out message);
        if (json.IsEmpty)
        {
            // No message in the body at all: nothing to read, as MassTransit's context answers for a missing message.
            message = null;
            return false;
        }

        message = _messages.GetOrAdd(typeof(T), static (_, body) => JsonSerializer.Deserialize<T>(body.Span, SystemTextJsonMessageSerializer.Options), json) as T;
        return message is not null;
    }

    public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message) => Parsed.TryGetMessage(messageType, out message);

    public override IMessageSerializer GetMessageSerializer() => Parsed.GetMessageSerializer();

    public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T message) => Parsed.GetMessageSerializer(envelope, message);

    public override IMessageSerializer GetMessageSerializer(object message, string[] messageTypes) => Parsed.GetMessageSerializer(message, messageTypes);

    public override Dictionary<string, object> ToDictionary<T>(T? message) where T : class => Parsed.ToDictionary(message);
}
