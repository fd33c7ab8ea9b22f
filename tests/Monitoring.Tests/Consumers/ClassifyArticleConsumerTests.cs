using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Classify;
using Monitoring.Classify.Events;
using Monitoring.Classify.Storage;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.Storage;
using Monitoring.Tests.Storage;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Consumers;

/// <summary>The classify consumer on MassTransit's in-memory test harness, with a real SQLite event store.</summary>
public sealed class ClassifyArticleConsumerTests : IAsyncLifetime
{
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private IEventStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await StoreFactory.CreateSqliteAsync<SqliteEventStore>();
        _provider = new ServiceCollection()
            .AddSingleton(Classifiers.Default)
            .AddSingleton(_store)
            .AddSingleton(TimeProvider.System)
            .AddScoped<EventRecorder>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ClassifyArticleConsumer, ClassifyArticleConsumerDefinition>())
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop(Ct);
        await _provider.DisposeAsync();
    }

    private static ArticleIngested Sample(string text) => new()
    {
        ArticleId = "sample",
        StoryId = "sample",
        ContentHash = "hash",
        Text = text,
        Title = null,
        Language = "en",
        IngestedAt = Times.At(0),
    };

    [Fact]
    public async Task An_ingested_article_is_stored_once_and_announced_with_its_tags()
    {
        var article = Sample(new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text);

        await _harness.Bus.Publish(article, Ct);
        await _harness.Bus.Publish(article, Ct);

        Assert.True(await _harness.Consumed.Any<ArticleIngested>(m => m.Context.Message.ArticleId == "sample", Ct));
        await Eventually.HoldsAsync(() => _harness.Published.Select<ArticleClassified>(Ct).Count() == 2, "both deliveries announce the article");
        var announced = _harness.Published.Select<ArticleClassified>(Ct).Select(m => m.Context.Message).ToList();
        Assert.All(announced, m => Assert.Equal(["CHN", "RUS"], m.Countries.Take(2).Order()));
        Assert.All(announced, m => Assert.Contains(m.Topics, t => t.Id == "law-enforcement"));
        Assert.Equal(announced[0].ClassifiedAt, announced[1].ClassifiedAt);
        Assert.Single(await _store.ListAsync(new EventQuery(), Ct));
    }

    [Fact]
    public async Task An_article_without_text_faults_without_retry_and_announces_nothing()
    {
        await _harness.Bus.Publish(Sample(""), Ct);

        Assert.True(await _harness.Published.Any<Fault<ArticleIngested>>(Ct));
        var fault = _harness.Published.Select<Fault<ArticleIngested>>(Ct).First().Context.Message;
        Assert.Equal(typeof(InvalidMessageException).FullName, fault.Exceptions[0].ExceptionType);
        Assert.False(await _harness.Published.Any<ArticleClassified>(Ct));
        Assert.Empty(await _store.ListAsync(new EventQuery(), Ct));
    }
}
