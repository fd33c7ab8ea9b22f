using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MassTransit;
using MassTransit.Serialization;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Benchmarks.Messaging;

/// <summary>
/// What a consumer pays to get its message from a body: the envelope read and the message deserialised, as the
/// receive pipeline does for each delivery. The body is what the services write: MassTransit's envelope, indented as
/// MassTransit writes it by default, or compact as <see cref="EnvelopeJsonSerializerFactory.UseCompactBodies"/> makes it.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EnvelopeReadBenchmarks
{
    private static readonly IMessageDeserializer MassTransitReader = SystemTextJsonMessageSerializer.Instance;
    private static readonly IMessageDeserializer OnePassReader = new EnvelopeJsonSerializerFactory().CreateDeserializer();
    private static readonly JsonSerializerOptions Indented = new(SystemTextJsonMessageSerializer.Options) { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new(SystemTextJsonMessageSerializer.Options) { WriteIndented = false };
    private byte[] _indented = [];
    private byte[] _compact = [];

    [GlobalSetup]
    public void Setup()
    {
        var envelope = new JsonMessageEnvelope
        {
            MessageId = NewId.NextGuid().ToString(),
            ConversationId = NewId.NextGuid().ToString(),
            CorrelationId = NewId.NextGuid().ToString(),
            SourceAddress = "rabbitmq://localhost/classify_bus_abc",
            DestinationAddress = "rabbitmq://localhost/Monitoring.Contracts:ArticleClassified",
            MessageType = [MessageUrn.ForTypeString<ArticleClassified>()],
            Message = SyntheticArticle.Classified(),
            SentTime = DateTime.UtcNow,
            Headers = new Dictionary<string, object?> { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
        };
        _indented = JsonSerializer.SerializeToUtf8Bytes(envelope, Indented);
        _compact = JsonSerializer.SerializeToUtf8Bytes(envelope, Compact);
        Console.WriteLine($"// body: {_indented.Length} bytes indented, {_compact.Length} compact");
    }

    [Benchmark(Baseline = true)]
    public ArticleClassified? MassTransit_indented() => Read(MassTransitReader, _indented);

    [Benchmark]
    public ArticleClassified? MassTransit_compact() => Read(MassTransitReader, _compact);

    [Benchmark]
    public ArticleClassified? OnePass_indented() => Read(OnePassReader, _indented);

    [Benchmark]
    public ArticleClassified? OnePass_compact() => Read(OnePassReader, _compact);

    private static ArticleClassified? Read(IMessageDeserializer reader, byte[] body)
    {
        var context = reader.Deserialize(new BytesMessageBody(body), EmptyHeaders.Instance);
        _ = context.MessageId;
        _ = context.Headers.Get<string>("traceparent");
        return context.TryGetMessage<ArticleClassified>(out var message) ? message : null;
    }
}
