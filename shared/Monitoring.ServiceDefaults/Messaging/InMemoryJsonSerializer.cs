using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using System.Text.Json;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Serialization;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit's raw JSON for the in-memory bus, read straight from the body into the consumer's message type.
/// MassTransit's own raw deserializer first parses every body into a <see cref="JsonDocument"/> (a copy of the body and
/// its index) and then deserialises the message from that; on this bus every article crosses four endpoints, and those
/// documents were 3.5 % of what an article allocated (docs/benchmarks.md). Headers, message types and everything but
/// reading the message itself are MassTransit's; whatever needs the document (another type, re-sending the message)
/// gets MassTransit's own context, parsed on first use. What goes on the bus is unchanged.
/// </summary>
public sealed class InMemoryJsonSerializerFactory(RawSerializerOptions options) : ISerializerFactory
{
    private readonly SystemTextJsonRawMessageSerializerFactory _raw = new(options);

    public ContentType ContentType => _raw.ContentType;

    public IMessageSerializer CreateSerializer() => _raw.CreateSerializer();

    public IMessageDeserializer CreateDeserializer() => new Deserializer(_raw.CreateDeserializer(), options);

    private sealed class Deserializer(IMessageDeserializer raw, RawSerializerOptions options) : IMessageDeserializer
    {
        public ContentType ContentType => raw.ContentType;

        public void Probe(ProbeContext context) => raw.Probe(context);

        public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
            new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

        public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
            new DirectContext(raw, options, body, headers, destinationAddress);

        public MessageBody GetMessageBody(string text) => raw.GetMessageBody(text);
    }

    /// <summary>
    /// MassTransit's raw context without its document: built from the same headers, options and message types, so the
    /// headers and the supported types it answers are MassTransit's. The message of a supported type is read from the body
    /// with MassTransit's options, once per type, as MassTransit's context does from its document.
    /// </summary>
    private sealed class DirectContext(IMessageDeserializer raw, RawSerializerOptions options, MessageBody body, Headers headers, Uri? destinationAddress)
        : SystemTextJsonRawSerializerContext(SystemTextJsonMessageSerializer.Instance, SystemTextJsonMessageSerializer.Options, SystemTextJsonRawMessageSerializer.JsonContentType,
            new RawMessageContext(headers, destinationAddress, options), headers.GetMessageTypes(), options, default)
    {
        private readonly ConcurrentDictionary<Type, object?> _messages = new();
        private SerializerContext? _parsed;

        /// <summary>MassTransit's own context for this body, with its document: for everything that reads the message some other way.</summary>
        private SerializerContext Parsed => _parsed ??= raw.Deserialize(body, headers, destinationAddress);

        public override bool TryGetMessage<T>(out T? message) where T : class
        {
            if (!IsSupportedMessageType<T>()) return Parsed.TryGetMessage(out message);
            message = _messages.GetOrAdd(typeof(T), static (_, bytes) => JsonSerializer.Deserialize<T>(bytes, SystemTextJsonMessageSerializer.Options), body.GetBytes()) as T;
            return message is not null;
        }

        public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message) => Parsed.TryGetMessage(messageType, out message);

        public override IMessageSerializer GetMessageSerializer() => Parsed.GetMessageSerializer();

        public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T message) => Parsed.GetMessageSerializer(envelope, message);

        public override IMessageSerializer GetMessageSerializer(object message, string[] messageTypes) => Parsed.GetMessageSerializer(message, messageTypes);

        public override Dictionary<string, object> ToDictionary<T>(T? message) where T : class => Parsed.ToDictionary(message);
    }
}
