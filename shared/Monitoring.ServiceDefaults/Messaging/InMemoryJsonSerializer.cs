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
    /// MassTransit's raw message context (headers, ids from the transport headers) over the whole body as the message,
    /// supporting the types MassTransit's raw context supports: any type when asked to or when no type header came,
    /// else those named in it.
    /// </summary>
    private sealed class DirectContext(IMessageDeserializer raw, RawSerializerOptions options, MessageBody body, Headers headers, Uri? destinationAddress)
        : ParsedOnDemandContext(new RawMessageContext(headers, destinationAddress, options), headers.GetMessageTypes(), body.GetBytes())
    {
        private bool AnyType => options.HasFlag(RawSerializerOptions.AnyMessageType) || SupportedMessageTypes.Length == 0;

        public override bool IsSupportedMessageType<T>() => AnyType || base.IsSupportedMessageType<T>();

        public override bool IsSupportedMessageType(Type messageType) => AnyType || base.IsSupportedMessageType(messageType);

        protected override SerializerContext Parse() => raw.Deserialize(body, headers, destinationAddress);
    }
}
