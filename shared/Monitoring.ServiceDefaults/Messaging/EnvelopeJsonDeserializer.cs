using System.Net.Mime;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Serialization;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit's JSON envelope (<c>application/vnd.masstransit+json</c>, what goes over RabbitMQ), read in one pass.
/// MassTransit's own deserializer parses every body into an envelope whose message is a <see cref="JsonElement"/> (a
/// <see cref="JsonDocument"/>: a copy of the body and its index), and then deserialises the message again from that
/// element; a classified article is ~30 KB, and that was most of what reading it cost (docs/benchmarks.md). Here the
/// envelope's fields are read with MassTransit's options and the message is only located (its bytes skipped over), then
/// read straight from the body into the consumer's type. Ids, addresses, sent time and headers are MassTransit's
/// <see cref="EnvelopeMessageContext"/> over the same fields; anything else (another type, re-sending on redelivery) gets
/// MassTransit's own context, parsed on first use. What is written is MassTransit's envelope, unchanged.
/// </summary>
public sealed class EnvelopeJsonSerializerFactory : ISerializerFactory
{
    private readonly SystemTextJsonMessageSerializerFactory _envelope = new();

    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public IMessageSerializer CreateSerializer() => _envelope.CreateSerializer();

    public IMessageDeserializer CreateDeserializer() => new EnvelopeJsonDeserializer(_envelope.CreateDeserializer());

    /// <summary>
    /// Bodies without indentation: MassTransit's options indent what they write (a third of a small message is spaces and
    /// line breaks). Its options are process-wide; they are replaced by a copy, as they are read-only once used.
    /// </summary>
    public static void UseCompactBodies()
    {
        var options = SystemTextJsonMessageSerializer.Options;
        if (options.WriteIndented) SystemTextJsonMessageSerializer.Options = new JsonSerializerOptions(options) { WriteIndented = false };
    }
}

/// <summary>Reads MassTransit's envelope in one pass; see <see cref="EnvelopeJsonSerializerFactory"/>.</summary>
public sealed class EnvelopeJsonDeserializer(IMessageDeserializer envelope) : IMessageDeserializer
{
    public ContentType ContentType => envelope.ContentType;

    public void Probe(ProbeContext context) => envelope.Probe(context);

    public ConsumeContext Deserialize(ReceiveContext receiveContext) =>
        new BodyConsumeContext(receiveContext, Deserialize(receiveContext.Body, receiveContext.TransportHeaders, receiveContext.InputAddress));

    /// <summary>The envelope's fields and where its message lies; a body that is no envelope is a <see cref="SerializationException"/>, as with MassTransit's own.</summary>
    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        try
        {
            var bytes = body.GetBytes();
            var read = JsonSerializer.Deserialize<Envelope>(bytes, SystemTextJsonMessageSerializer.Options)
                ?? throw new SerializationException("Message envelope not found");
            var message = read.Message is { Length: > 0 } at ? bytes.AsMemory(at.Start, at.Length) : ReadOnlyMemory<byte>.Empty;
            return new Context(envelope, body, headers, destinationAddress, read, message);
        }
        catch (SerializationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new SerializationException("An error occurred while deserializing the message envelope", ex);
        }
    }

    public MessageBody GetMessageBody(string text) => envelope.GetMessageBody(text);

    private sealed class Context(IMessageDeserializer envelope, MessageBody body, Headers headers, Uri? destinationAddress, Envelope read, ReadOnlyMemory<byte> message)
        : ParsedOnDemandContext(new EnvelopeMessageContext(read, SystemTextJsonMessageSerializer.Instance), read.MessageType ?? [], message)
    {
        protected override SerializerContext Parse() => envelope.Deserialize(body, headers, destinationAddress);
    }

    /// <summary>MassTransit's envelope fields, by the same names; the message only as where it lies in the body.</summary>
    private sealed class Envelope : MessageEnvelope
    {
        public string? MessageId { get; set; }
        public string? RequestId { get; set; }
        public string? CorrelationId { get; set; }
        public string? ConversationId { get; set; }
        public string? InitiatorId { get; set; }
        public string? SourceAddress { get; set; }
        public string? DestinationAddress { get; set; }
        public string? ResponseAddress { get; set; }
        public string? FaultAddress { get; set; }
        public string[]? MessageType { get; set; }
        public DateTime? ExpirationTime { get; set; }
        public DateTime? SentTime { get; set; }
        public Dictionary<string, object?>? Headers { get; set; }
        public HostInfo? Host { get; set; }

        [JsonPropertyName("message")]
        [JsonConverter(typeof(ValueSpanConverter))]
        public ValueSpan Message { get; set; }

        object? MessageEnvelope.Message => null;
    }

    /// <summary>Where a JSON value lies in the body: offset and length in bytes.</summary>
    private readonly record struct ValueSpan(int Start, int Length);

    /// <summary>
    /// Skips the value and keeps its place. The envelope is read from the whole body at once (a span), so the reader's
    /// positions are offsets in the body.
    /// </summary>
    private sealed class ValueSpanConverter : JsonConverter<ValueSpan>
    {
        public override bool HandleNull => true;

        public override ValueSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            return new ValueSpan(start, checked((int)reader.BytesConsumed) - start);
        }

        public override void Write(Utf8JsonWriter writer, ValueSpan value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The envelope's message place is only read.");
    }
}
