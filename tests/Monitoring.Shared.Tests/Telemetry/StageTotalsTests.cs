using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Shared.Tests.Telemetry;

/// <summary><c>/health/stages</c>: what each receive endpoint of a service consumed and what faulted, without a key.</summary>
public sealed class StageTotalsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_endpoint_counts_the_messages_it_consumed_and_those_that_faulted()
    {
        await using var app = await StartAsync();
        var bus = app.Services.GetRequiredService<IBus>();
        var done = app.Services.GetRequiredService<Done>();

        for (var i = 0; i < 3; i++) await bus.Publish(new ArticleClassified { ArticleId = $"ok-{i}", StoryId = "s", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch, ClassifiedAt = DateTimeOffset.UnixEpoch, Topics = [], Countries = [], Actors = [] }, Ct);
        await bus.Publish(new ArticleIngested { ArticleId = "poison", StoryId = "s", ContentHash = "h", Text = "t", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch }, Ct);
        await done.Faulted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await WaitUntilAsync(() => Totals(app).GetValueOrDefault("stage-consumed")?.Consumed == 3);

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await http.GetAsync("/health/stages", Ct);
        Assert.True(response.IsSuccessStatusCode, $"/health/stages answered {(int)response.StatusCode} without a key");
        var stages = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var consumed = stages.GetProperty("stage-consumed");
        Assert.Equal(3, consumed.GetProperty("consumed").GetInt64());
        Assert.Equal(0, consumed.GetProperty("faulted").GetInt64());
        Assert.True(consumed.GetProperty("lastAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        var faulted = stages.GetProperty("stage-faulted");
        Assert.Equal(0, faulted.GetProperty("consumed").GetInt64());
        Assert.True(faulted.GetProperty("faulted").GetInt64() >= 1, "the poison message faulted");
    }

    [Fact]
    public void Totals_start_empty_and_keep_endpoints_apart()
    {
        var totals = new StageTotals();
        Assert.Empty(totals.Snapshot());

        totals.Record("classify-article", faulted: false);
        totals.Record("classify-article", faulted: false);
        totals.Record("match-subscriptions", faulted: true);

        var snapshot = totals.Snapshot();
        Assert.Equal((2L, 0L), (snapshot["classify-article"].Consumed, snapshot["classify-article"].Faulted));
        Assert.Equal((0L, 1L), (snapshot["match-subscriptions"].Consumed, snapshot["match-subscriptions"].Faulted));
    }

    private static IReadOnlyDictionary<string, StageTotal> Totals(WebApplication app) => app.Services.GetRequiredService<StageTotals>().Snapshot();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++) await Task.Delay(100, Ct);
        Assert.True(condition(), "the consumers did not finish in 30 s");
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:Retry:Limit"] = "1",
            ["Messaging:Retry:MinInterval"] = "00:00:00.010",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.020",
            ["Messaging:Retry:IntervalDelta"] = "00:00:00.010",
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.AddServiceDefaults();
        builder.Services.AddSingleton<Done>();
        builder.AddMessageConsumers(registration =>
        {
            registration.AddConsumer<StageConsumed>();
            registration.AddConsumer<StageFaulted>();
            registration.AddConsumer<FaultSeen>();
        });
        builder.AddMonitoringBus();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(Ct);
        return app;
    }

    public sealed class Done
    {
        public TaskCompletionSource Faulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed class StageConsumed : IConsumer<ArticleClassified>
    {
        public Task Consume(ConsumeContext<ArticleClassified> context) => Task.CompletedTask;
    }

    public sealed class StageFaulted : IConsumer<ArticleIngested>
    {
        public Task Consume(ConsumeContext<ArticleIngested> context) => throw new InvalidOperationException("fails on purpose");
    }

    public sealed class FaultSeen(Done done) : IConsumer<Fault<ArticleIngested>>
    {
        public Task Consume(ConsumeContext<Fault<ArticleIngested>> context)
        {
            done.Faulted.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
