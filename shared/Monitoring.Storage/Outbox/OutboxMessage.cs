using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Storage.Outbox;

/// <summary>
/// A message to publish, written by a store in the same transaction as the change it announces, so the change and its
/// announcement exist together or not at all. The dispatcher publishes it and then removes it; until then it survives
/// any crash. <see cref="TraceParent"/> carries the trace of the request that caused it, for a publish made later.
/// </summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }

    /// <summary><c>Namespace.Type, Assembly</c> of the message: what <see cref="Body"/> deserialises to.</summary>
    public required string MessageType { get; init; }

    /// <summary>The message as JSON, as <see cref="Json"/> writes it: what is published (inside the transport's envelope).</summary>
    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public string? TraceParent { get; init; }

    /// <summary>
    /// The message object this was written from, in the process that wrote it: the publish right after the commit sends
    /// it as it is instead of parsing <see cref="Body"/> back (a second copy of every message on each hop). Never stored;
    /// a message read back from the store has none and is deserialised.
    /// </summary>
    [JsonIgnore]
    public object? Written { get; init; }

    /// <summary><see cref="Body"/> as UTF-8, kept from the serialisation that wrote it; never stored.</summary>
    [JsonIgnore]
    public byte[]? WrittenUtf8 { get; init; }

    /// <summary>
    /// Web defaults (camelCase) without nulls and with non-ASCII text as it is: the JSON MassTransit writes for a message,
    /// so the stored body can be published as it is, not serialised a second time (docs/benchmarks.md). Reading is unchanged.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The message as its own (runtime) type, to be published as that type.</summary>
    public static OutboxMessage For(object message, DateTimeOffset createdAt)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), Json);
        return new()
        {
            Id = Guid.CreateVersion7(createdAt).ToString("N"),
            MessageType = TypeName(message.GetType()),
            Body = Encoding.UTF8.GetString(utf8),
            CreatedAt = createdAt,
            TraceParent = Activity.Current?.Id,
            Written = message,
            WrittenUtf8 = utf8,
        };
    }

    /// <summary>The body to publish, as UTF-8.</summary>
    public byte[] Utf8Body() => WrittenUtf8 ?? Encoding.UTF8.GetBytes(Body);

    public static string TypeName(Type type) => TypeNames.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    // Assembly.GetName() builds a new AssemblyName (code base, version, key) on every call: once per message type is enough.
    private static readonly ConcurrentDictionary<Type, string> TypeNames = new();

    /// <summary>The message this is, as the type it was written as.</summary>
    public object Deserialize(out Type type)
    {
        if (Written is { } written)
        {
            type = written.GetType();
            return written;
        }

        type = Type.GetType(MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {Id}: unknown message type '{MessageType}'.");
        return JsonSerializer.Deserialize(Body, type, Json)
            ?? throw new InvalidOperationException($"Outbox message {Id}: the body is JSON null.");
    }
}
