using System.Net.Mime;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Shared.Tests.Messaging;

/// <summary>
/// MassTransit's envelope read in one pass (what RabbitMQ carries): a consumer sees every id, address, time and header as
/// MassTransit's own reader sees them in the same body, and the message as published.
/// </summary>
public sealed class EnvelopeJsonDeserializerTests
{
    private static readonly IMessageDeserializer Reader = new EnvelopeJsonSerializerFactory().CreateDeserializer();

    [Fact]
    public async Task Every_header_MassTransit_writes_is_read_as_MassTransit_reads_it_and_the_message_as_published()
    {
        var sent = new ArticleIngested { ArticleId = "a1", StoryId = "s1", ContentHash = "h", Text = "Ligne « deux » — 三.\n", Language = "fr", IngestedAt = DateTimeOffset.UnixEpoch };
        Guid messageId = NewId.NextGuid(), correlationId = NewId.NextGuid(), conversationId = NewId.NextGuid(), initiatorId = NewId.NextGuid(), requestId = NewId.NextGuid();

        await using var bus = await EnvelopeBus.StartAsync();
        var endpoint = await bus.Bus.GetSendEndpoint(new Uri("queue:envelope-capture"));
        await endpoint.Send(sent, context =>
        {
            context.MessageId = messageId;
            context.CorrelationId = correlationId;
            context.ConversationId = conversationId;
            context.InitiatorId = initiatorId;
            context.RequestId = requestId;
            context.ResponseAddress = new Uri("queue:responses");
            context.FaultAddress = new Uri("queue:faults");
            context.TimeToLive = TimeSpan.FromHours(1);
            context.Headers.Set("X-Text", "é \"quoted\"");
            context.Headers.Set("X-Number", 42);
            context.Headers.Set("X-Flag", true);
        }, TestContext.Current.CancellationToken);
        var received = await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.IsAssignableFrom<ParsedOnDemandContext>(received.SerializerContext);
        Assert.Equal(JsonSerializer.Serialize(sent), JsonSerializer.Serialize(received.Message));
        Assert.Equal(messageId, received.MessageId);
        Assert.Equal(correlationId, received.CorrelationId);
        Assert.Equal(conversationId, received.ConversationId);
        Assert.Equal(initiatorId, received.InitiatorId);
        Assert.Equal(requestId, received.RequestId);
        Assert.Equal(new Uri("queue:responses"), received.ResponseAddress);
        Assert.Equal("é \"quoted\"", received.Headers.Get<string>("X-Text"));
        Assert.Equal(42, received.Headers.Get<int>("X-Number"));
        Assert.True(received.Headers.Get<bool>("X-Flag"));

        var theirs = SystemTextJsonMessageSerializer.Instance.Deserialize(received.ReceiveContext.Body, received.ReceiveContext.TransportHeaders, received.ReceiveContext.InputAddress);
        AssertSameContext(theirs, received.SerializerContext);
        Assert.NotNull(received.SentTime);
        Assert.NotNull(received.ExpirationTime);
        Assert.NotNull(received.SourceAddress);
        Assert.NotNull(received.DestinationAddress);
        Assert.NotNull(received.FaultAddress);
        Assert.NotNull(received.Host?.MachineName);
    }

    [Fact]
    public void A_message_of_another_type_than_the_envelope_names_is_not_read_and_a_named_one_is()
    {
        var body = EnvelopeOf(new ArticleIngested { ArticleId = "a1", StoryId = "s1", ContentHash = "h", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch });

        var context = Reader.Deserialize(new BytesMessageBody(body), EmptyHeaders.Instance);

        Assert.False(context.IsSupportedMessageType<ArticleClassified>());
        Assert.False(context.TryGetMessage<ArticleClassified>(out var other));
        Assert.Null(other);
        Assert.True(context.TryGetMessage<ArticleIngested>(out var ingested));
        Assert.Equal("a1", ingested!.ArticleId);
        Assert.True(context.TryGetMessage(typeof(ArticleIngested), out var untyped));
        Assert.Equal("a1", Assert.IsType<ArticleIngested>(untyped).ArticleId);
    }

    [Fact]
    public void An_envelope_without_a_message_has_no_message_and_a_message_that_does_not_fit_its_type_throws()
    {
        var named = new[] { MessageUrn.ForTypeString<ArticleIngested>() };
        var none = Encoding.UTF8.GetBytes($$"""{"messageId":"{{NewId.NextGuid()}}","messageType":["{{named[0]}}"]}""");
        var misfit = Encoding.UTF8.GetBytes($$"""{"messageType":["{{named[0]}}"],"message":[1,2,3]}""");

        Assert.False(Reader.Deserialize(new BytesMessageBody(none), EmptyHeaders.Instance).TryGetMessage<ArticleIngested>(out _));
        Assert.ThrowsAny<JsonException>(() => Reader.Deserialize(new BytesMessageBody(misfit), EmptyHeaders.Instance).TryGetMessage<ArticleIngested>(out _));
    }

    [Theory]
    [InlineData("""{"messageId":"x","message":{"articleId":""")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("")]
    public void A_body_that_is_no_envelope_is_a_serialization_error_as_with_MassTransit(string text)
    {
        var body = new BytesMessageBody(Encoding.UTF8.GetBytes(text));

        Assert.Throws<SerializationException>(() => Reader.Deserialize(body, EmptyHeaders.Instance));
        Assert.Throws<SerializationException>(() => SystemTextJsonMessageSerializer.Instance.Deserialize(body, EmptyHeaders.Instance));
    }

    [Fact]
    public async Task A_malformed_body_is_a_receive_fault_and_the_next_message_still_arrives()
    {
        await using var bus = await EnvelopeBus.StartAsync();
        var endpoint = await bus.Bus.GetSendEndpoint(new Uri("queue:envelope-capture"));

        await endpoint.Send(new ArticleIngested { ArticleId = "broken", StoryId = "s", ContentHash = "h", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch },
            context => context.Serializer = new TruncatingSerializer(), TestContext.Current.CancellationToken);
        var fault = await bus.ReceiveFaulted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await endpoint.Send(new ArticleIngested { ArticleId = "good", StoryId = "s", ContentHash = "h", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch }, TestContext.Current.CancellationToken);
        var received = await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.IsType<SerializationException>(fault);
        Assert.Equal("good", received.Message.ArticleId);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_faulted_with_its_content_and_ids()
    {
        await using var bus = await EnvelopeBus.StartAsync();
        var correlationId = NewId.NextGuid();
        var endpoint = await bus.Bus.GetSendEndpoint(new Uri("queue:envelope-capture"));

        await endpoint.Send(new ArticleIngested { ArticleId = "poison", StoryId = "s", ContentHash = "h", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch },
            context => context.CorrelationId = correlationId, TestContext.Current.CancellationToken);
        var fault = await bus.Faulted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("poison", fault.Message.Message.ArticleId);
        Assert.Equal(correlationId, fault.CorrelationId);
        Assert.Contains(fault.Message.Exceptions, e => e.Message == "fails on purpose");
    }

    private static byte[] EnvelopeOf<T>(T message) where T : class => JsonSerializer.SerializeToUtf8Bytes(new JsonMessageEnvelope
    {
        MessageId = NewId.NextGuid().ToString(),
        MessageType = [MessageUrn.ForTypeString<T>()],
        Message = message,
        SentTime = DateTime.UtcNow,
    }, SystemTextJsonMessageSerializer.Options);

    private static void AssertSameContext(MessageContext expected, MessageContext actual)
    {
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.RequestId, actual.RequestId);
        Assert.Equal(expected.CorrelationId, actual.CorrelationId);
        Assert.Equal(expected.ConversationId, actual.ConversationId);
        Assert.Equal(expected.InitiatorId, actual.InitiatorId);
        Assert.Equal(expected.ExpirationTime, actual.ExpirationTime);
        Assert.Equal(expected.SourceAddress, actual.SourceAddress);
        Assert.Equal(expected.DestinationAddress, actual.DestinationAddress);
        Assert.Equal(expected.ResponseAddress, actual.ResponseAddress);
        Assert.Equal(expected.FaultAddress, actual.FaultAddress);
        Assert.Equal(expected.SentTime, actual.SentTime);
        Assert.Equal(expected.Host?.MachineName, actual.Host?.MachineName);
        Assert.Equal(expected.Host?.ProcessId, actual.Host?.ProcessId);
        Assert.Equal(expected.Host?.MassTransitVersion, actual.Host?.MassTransitVersion);
        Assert.Equal(
            expected.Headers.GetAll().Select(h => $"{h.Key}={h.Value}").Order(StringComparer.Ordinal),
            actual.Headers.GetAll().Select(h => $"{h.Key}={h.Value}").Order(StringComparer.Ordinal));
        Assert.NotEmpty(actual.Headers.GetAll());
    }

    /// <summary>MassTransit's envelope cut in half: what a broken publisher or a damaged message would leave.</summary>
    private sealed class TruncatingSerializer : IMessageSerializer
    {
        public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

        public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class
        {
            var whole = SystemTextJsonMessageSerializer.Instance.GetMessageBody(context).GetBytes();
            return new BytesMessageBody(whole[..(whole.Length / 2)]);
        }
    }

    /// <summary>An in-memory bus that reads MassTransit's envelope as RabbitMQ does in <c>AddMonitoringBus</c>.</summary>
    private sealed class EnvelopeBus : IAsyncDisposable, IReceiveObserver
    {
        private IHost _host = null!;

        public IBus Bus => _host.Services.GetRequiredService<IBus>();
        public TaskCompletionSource<ConsumeContext<ArticleIngested>> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<ConsumeContext<Fault<ArticleIngested>>> Faulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<Exception> ReceiveFaulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<EnvelopeBus> StartAsync()
        {
            var bus = new EnvelopeBus();
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddMassTransit(registration => registration.UsingInMemory((_, cfg) =>
            {
                cfg.AddDeserializer(new EnvelopeJsonSerializerFactory(), isDefault: true);
                cfg.ConnectReceiveObserver(bus);
                cfg.ReceiveEndpoint("envelope-capture", endpoint =>
                {
                    endpoint.UseMessageRetry(retry => retry.Immediate(1));
                    endpoint.Handler<ArticleIngested>(context =>
                    {
                        if (context.Message.ArticleId == "poison") throw new InvalidOperationException("fails on purpose");
                        bus.Received.TrySetResult(context);
                        return Task.CompletedTask;
                    });
                });
                cfg.ReceiveEndpoint("envelope-faults", endpoint => endpoint.Handler<Fault<ArticleIngested>>(context =>
                {
                    bus.Faulted.TrySetResult(context);
                    return Task.CompletedTask;
                }));
            }));
            bus._host = builder.Build();
            await bus._host.StartAsync();
            return bus;
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

        public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class => Task.CompletedTask;

        public Task ReceiveFault(ReceiveContext context, Exception exception)
        {
            ReceiveFaulted.TrySetResult(exception);
            return Task.CompletedTask;
        }
    }
}
