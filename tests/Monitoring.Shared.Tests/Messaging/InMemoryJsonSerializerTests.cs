using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage.Outbox;

namespace Monitoring.Shared.Tests.Messaging;

/// <summary>The in-memory bus reads each message straight from its body: what a consumer gets is what was published.</summary>
public sealed class InMemoryJsonSerializerTests
{
    [Fact]
    public async Task A_consumer_gets_the_message_as_published_with_its_nested_values_and_nulls()
    {
        var sent = Sample();

        await using var bus = await BusAsync();
        await bus.Publish(sent);
        var received = await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(JsonSerializer.Serialize(sent), JsonSerializer.Serialize(received.Message));
    }

    private static ArticleClassified Sample() => new()
        {
            ArticleId = "a1",
            StoryId = "s1",
            Text = "Line one.\nLigne « deux » — 三.",
            Title = null,
            Url = "https://example.org/a1?x=1&y=2",
            Language = "en",
            PublishedAt = new DateTimeOffset(2026, 12, 3, 10, 15, 30, 123, TimeSpan.FromHours(2)),
            IngestedAt = DateTimeOffset.UnixEpoch,
            ClassifiedAt = new DateTimeOffset(2026, 12, 3, 10, 15, 31, TimeSpan.Zero),
            Topics = [new TopicScore { Id = "security", Score = 0.75, Evidence = [new MatchEvidence { Rule = "r", Text = "attack", Start = 1, End = 7, Weight = 0.5 }] }, new TopicScore { Id = "diplomacy", Score = 1e-3 }],
            Countries = ["UKR", "RUS"],
            Actors = [],
            EventCodes = [new ArticleEventCode { Cameo = "190", Source = "RUS", Target = "UKR", Place = new GeoPlace { Name = "Kyiv", GeoNameId = 703448, Kind = "city", CountryCode = "UA", Latitude = 50.45, Longitude = 30.52, Mentions = 2 } }],
        };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_message_the_outbox_publishes_reaches_the_consumer_as_written(bool fromThisProcess)
    {
        var sent = Sample();
        var stored = OutboxMessage.For(sent, DateTimeOffset.UnixEpoch);
        if (!fromThisProcess) stored = stored with { Written = null };

        await using var bus = await BusAsync();
        using var outbox = new Outbox("test", new NoStore());
        var published = await outbox.TryPublishAsync(bus.Host.Services.GetRequiredService<IBus>(), stored, TimeSpan.FromSeconds(30), NullLogger.Instance, TestContext.Current.CancellationToken);
        var received = await bus.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(published);
        Assert.Equal(JsonSerializer.Serialize(sent), JsonSerializer.Serialize(received.Message));
        Assert.Equal(Guid.ParseExact(stored.Id, "N"), received.MessageId);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_still_faulted_with_its_content()
    {
        await using var bus = await BusAsync(failFirst: int.MaxValue);
        await bus.Publish(new ArticleIngested { ArticleId = "poison", StoryId = "s", ContentHash = "h", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch });
        var fault = await bus.Faulted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("poison", fault.Message.Message.ArticleId);
    }

    private static async Task<TestBus> BusAsync(int failFirst = 0)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:Retry:Limit"] = "1",
            ["Messaging:Retry:MinInterval"] = "00:00:00.010",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.020",
            ["Messaging:Retry:IntervalDelta"] = "00:00:00.010",
        });
        var bus = new TestBus(failFirst);
        builder.Services.AddSingleton(bus);
        builder.AddMessageConsumers(registration =>
        {
            registration.AddConsumer<ClassifiedCapture>();
            registration.AddConsumer<IngestedFailer>();
            registration.AddConsumer<FaultCapture>();
        });
        builder.AddMonitoringBus();
        bus.Host = builder.Build();
        await bus.Host.StartAsync();
        return bus;
    }

    private sealed class NoStore : IOutboxStore
    {
        public string Name => "test";
        public Task<IReadOnlyList<OutboxMessage>> PendingAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OutboxMessage>>([]);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
    }

    public sealed class TestBus(int failFirst) : IAsyncDisposable
    {
        public IHost Host { get; set; } = null!;
        public int FailFirst { get; } = failFirst;
        public TaskCompletionSource<ConsumeContext<ArticleClassified>> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<ConsumeContext<Fault<ArticleIngested>>> Faulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Publish<T>(T message) where T : class => Host.Services.GetRequiredService<IBus>().Publish(message);

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }

    public sealed class ClassifiedCapture(TestBus bus) : IConsumer<ArticleClassified>
    {
        public Task Consume(ConsumeContext<ArticleClassified> context)
        {
            bus.Received.TrySetResult(context);
            return Task.CompletedTask;
        }
    }

    public sealed class IngestedFailer(TestBus bus) : IConsumer<ArticleIngested>
    {
        private static int _calls;

        public Task Consume(ConsumeContext<ArticleIngested> context) =>
            Interlocked.Increment(ref _calls) <= bus.FailFirst ? throw new InvalidOperationException("fails on purpose") : Task.CompletedTask;
    }

    public sealed class FaultCapture(TestBus bus) : IConsumer<Fault<ArticleIngested>>
    {
        public Task Consume(ConsumeContext<Fault<ArticleIngested>> context)
        {
            bus.Faulted.TrySetResult(context);
            return Task.CompletedTask;
        }
    }
}
