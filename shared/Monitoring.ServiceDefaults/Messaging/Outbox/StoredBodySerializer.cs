using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Serialization;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// MassTransit's JSON envelope around a message already serialised: the body an outbox stored is published as it is,
/// instead of being serialised again from the message object (a classified article is ~30 KB of JSON; the second
/// serialisation was 1.7 % of classify's CPU, docs/benchmarks.md). The envelope's fields are MassTransit's own. Used only
/// where the endpoint writes that envelope (RabbitMQ); other serializers (the in-memory bus's raw JSON) are left alone.
/// </summary>
internal sealed class StoredBodySerializer(byte[] message, bool written) : IMessageSerializer
{
    public System.Net.Mime.ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    /// <summary>Makes <paramref name="context"/> publish <paramref name="message"/>'s stored body when it would write MassTransit's envelope.</summary>
    public static void Apply(SendContext context, Storage.Outbox.OutboxMessage message)
    {
        if (context.Serializer?.ContentType.MediaType != SystemTextJsonMessageSerializer.JsonContentType.MediaType) return;
        context.Serializer = new StoredBodySerializer(message.Utf8Body(), message.WrittenUtf8 is not null);
    }

    public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class
    {
        var envelope = new JsonMessageEnvelope(context, new StoredJson(message, written));
        return new SystemTextJsonMessageBody<T>(context, SystemTextJsonMessageSerializer.Options, envelope);
    }

    /// <summary>JSON written as it is; checked unless this process's serializer has just written it (a row read back is).</summary>
    [JsonConverter(typeof(Converter))]
    internal sealed class StoredJson(byte[] utf8, bool written)
    {
        public byte[] Utf8 { get; } = utf8;
        public bool Written { get; } = written;

        private sealed class Converter : JsonConverter<StoredJson>
        {
            public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                throw new NotSupportedException("A stored body is only written.");

            public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options) =>
                writer.WriteRawValue(value.Utf8, skipInputValidation: value.Written);
        }
    }
}
