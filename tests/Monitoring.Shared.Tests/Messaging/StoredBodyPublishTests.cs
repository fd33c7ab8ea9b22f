using System.Text;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage.Outbox;

namespace Monitoring.Shared.Tests.Messaging;

/// <summary>
/// Over MassTransit's envelope (what RabbitMQ carries) an outbox publishes the body it stored as it is, not a second
/// serialisation of the message: consumers, and MassTransit's own reader, get the same message, ids and types.
/// </summary>
public sealed class StoredBodyPublishTests
{
    private static ArticleIngested Sample(string id = "a1") => new()
    {
        ArticleId = id, StoryId = "s1", ContentHash = "h1", Language = "fr", IngestedAt = DateTimeOffset.UnixEpoch,
        Text = "Ligne « deux » — 三 <b>&</b>.\n", Title = null, Url = "https://example.org/a?x=1&y=2",
    };

    [Fact]
    public async Task A_message_written_in_this_process_is_published_as_its_stored_body_and_read_as_MassTransit_reads_it()
    {
        var sent = Sample();
        var stored = OutboxMessage.For(sent, DateTimeOffset.UnixEpoch);

        await using var bus = await CaptureBus.StartAsync();
        Assert.True(await PublishAsync(bus, stored));
        var received = await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Contains(stored.Body, received.ReceiveContext.Body.GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(sent), JsonSerializer.Serialize(received.Message));
        Assert.Equal(Guid.ParseExact(stored.Id, "N"), received.MessageId);

        var theirs = SystemTextJsonMessageSerializer.Instance.Deserialize(received.ReceiveContext.Body, received.ReceiveContext.TransportHeaders, received.ReceiveContext.InputAddress);
        Assert.Equal(MessageUrn.ForTypeString<ArticleIngested>(), Assert.Single(theirs.SupportedMessageTypes));
        Assert.True(theirs.TryGetMessage<ArticleIngested>(out var read));
        Assert.Equal(JsonSerializer.Serialize(sent), JsonSerializer.Serialize(read));
        Assert.Equal(received.MessageId, theirs.MessageId);
        Assert.NotNull(theirs.SentTime);
        Assert.NotNull(theirs.SourceAddress);
    }

    [Fact]
    public async Task A_message_read_back_from_the_store_is_published_as_the_bytes_stored_not_serialised_again()
    {
        // Spacing no serializer writes: it reaches the consumer only if the stored text itself was published.
        const string body = """{ "articleId" : "a2", "storyId" : "s1", "contentHash" : "h1", "language" : "en", "ingestedAt" : "1970-01-01T00:00:00+00:00", "text" : "Stored text." }""";
        var stored = new OutboxMessage { Id = Guid.NewGuid().ToString("N"), MessageType = OutboxMessage.TypeName(typeof(ArticleIngested)), Body = body, CreatedAt = DateTimeOffset.UnixEpoch };

        await using var bus = await CaptureBus.StartAsync();
        Assert.True(await PublishAsync(bus, stored));
        var received = await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Contains(body, received.ReceiveContext.Body.GetString(), StringComparison.Ordinal);
        Assert.Equal("a2", received.Message.ArticleId);
        Assert.Equal("Stored text.", received.Message.Text);
    }

    [Fact]
    public async Task A_stored_body_that_is_not_the_JSON_it_claims_is_not_published_and_stays_for_later()
    {
        var valid = OutboxMessage.For(Sample("a3"), DateTimeOffset.UnixEpoch);
        // A row read back (no bytes of this process's serializer) whose body was cut off; the message object itself is whole.
        var stored = valid with { WrittenUtf8 = null, Body = valid.Body[..^1] };

        await using var bus = await CaptureBus.StartAsync();
        Assert.False(await PublishAsync(bus, stored));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(bus.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task The_consumer_is_given_the_JSON_the_outbox_stored_as_the_message_it_read()
    {
        var sent = Sample("a4");
        var stored = OutboxMessage.For(sent, DateTimeOffset.UnixEpoch);

        await using var bus = await CaptureBus.StartAsync();
        Assert.True(await PublishAsync(bus, stored));
        await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(stored.Body, Encoding.UTF8.GetString(bus.MessageJson));
    }

    [Fact]
    public async Task A_message_sent_without_the_outbox_gives_its_consumer_its_own_JSON()
    {
        var sent = Sample("a5");

        await using var bus = await CaptureBus.StartAsync();
        await bus.Bus.Publish(sent, TestContext.Current.CancellationToken);
        await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(JsonSerializer.Serialize(sent), JsonSerializer.Serialize(JsonSerializer.Deserialize<ArticleIngested>(bus.MessageJson, SystemTextJsonMessageSerializer.Options)));
    }

    [Fact]
    public void Stored_JSON_has_no_nulls_and_keeps_non_ASCII_text_as_it_is_like_MassTransits()
    {
        var stored = OutboxMessage.For(Sample(), DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("\"title\"", stored.Body, StringComparison.Ordinal);
        Assert.Contains("« deux » — 三 <b>&</b>", stored.Body, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(stored.Body), stored.Utf8Body());
        Assert.Equal(JsonSerializer.Serialize(Sample()), JsonSerializer.Serialize((stored with { Written = null }).Deserialize(out _)));
    }

    private static Task<bool> PublishAsync(CaptureBus bus, OutboxMessage message)
    {
        var outbox = new Outbox("test", new NoStore());
        return outbox.TryPublishAsync(bus.Bus, message, TimeSpan.FromSeconds(30), NullLogger.Instance, TestContext.Current.CancellationToken);
    }

    private sealed class NoStore : IOutboxStore
    {
        public string Name => "test";
        public Task<IReadOnlyList<OutboxMessage>> PendingAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OutboxMessage>>([]);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
    }

    /// <summary>An in-memory bus writing MassTransit's envelope (its default), read as the services read RabbitMQ's bodies.</summary>
    private sealed class CaptureBus : IAsyncDisposable
    {
        private IHost _host = null!;

        public IBus Bus => _host.Services.GetRequiredService<IBus>();
        public TaskCompletionSource<ConsumeContext<ArticleIngested>> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>What <see cref="ConsumeContextJson.MessageJson{T}"/> gave while the message was consumed (copied).</summary>
        public byte[] MessageJson { get; private set; } = [];

        public static async Task<CaptureBus> StartAsync()
        {
            var bus = new CaptureBus();
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddMassTransit(registration => registration.UsingInMemory((_, cfg) =>
            {
                cfg.AddDeserializer(new EnvelopeJsonSerializerFactory(), isDefault: true);
                cfg.ReceiveEndpoint("stored-body-capture", endpoint => endpoint.Handler<ArticleIngested>(context =>
                {
                    bus.MessageJson = context.MessageJson().ToArray();
                    bus.Received.TrySetResult(context);
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
    }
}
