using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Classify.Storage;
using Monitoring.Classify;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Articles;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.Storage;

namespace Monitoring.Classify.Tests.Articles;

/// <summary>The classify consumer on MassTransit's in-memory test harness, with a real SQLite event store.</summary>
public sealed class ClassifyArticleConsumerTests : IAsyncLifetime
{
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private IClassifiedArticleStore _store = null!;
    private ICodedEventStore _codedEvents = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await StoreFactory.CreateSqliteAsync<SqliteClassifiedArticleStore>();
        _codedEvents = await StoreFactory.CreateSqliteAsync<SqliteCodedEventStore>();
        _provider = new ServiceCollection()
            .AddSingleton(Classifiers.Default)
            .AddSingleton(Coders.Default)
            .AddSingleton(Classifiers.Places)
            .AddSingleton(Options.Create(new EventCodingOptions()))
            .AddSingleton(_store)
            .AddSingleton(_codedEvents)
            .AddSingleton(TimeProvider.System)
            .AddScoped<ClassifiedArticleRecorder>()
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
        Assert.Single(await _store.ListAsync(new ClassifiedArticleQuery(), Ct));
    }

    [Fact]
    public async Task The_coded_events_are_announced_and_stored_once_in_GDELT_terms()
    {
        var article = Sample(new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text);

        await _harness.Bus.Publish(article, Ct);
        await _harness.Bus.Publish(article, Ct);

        await Eventually.HoldsAsync(() => _harness.Published.Select<ArticleClassified>(Ct).Count() == 2, "both deliveries announce the article");
        var announced = _harness.Published.Select<ArticleClassified>(Ct).First().Context.Message;
        Assert.Contains(announced.Events!, e => e.Root == "04" && e.Source.Code == "CHN" && e.Target.Code == "RUS");
        Assert.All(announced.Events!, e => Assert.Equal(e.Sentence, article.Text[e.SentenceStart..e.SentenceEnd]));

        var stored = await _codedEvents.ListAsync(new CodedEventQuery(Limit: 500), Ct);
        Assert.Equal(announced.Events!.Select(e => (CodedEvents.ActorCode(e.Source), CodedEvents.ActorCode(e.Target), e.Cameo)).Distinct().Count(), stored.Count);
        var meeting = Assert.Single(stored, e => e.EventRootCode == "04" && e.Actor1Code == "CHN" && e.Actor2Code == "RUS");
        Assert.Equal(("CHN", "RUS", 1), (meeting.Actor1CountryCode, meeting.Actor2CountryCode, meeting.QuadClass));
        Assert.Equal("sample", meeting.StoryId);
        Assert.Contains(stored, e => e.EventCode == "0313" && e.Actor1CountryCode == "RUS");
    }

    [Fact]
    public async Task An_article_without_text_faults_without_retry_and_announces_nothing()
    {
        await _harness.Bus.Publish(Sample(""), Ct);

        Assert.True(await _harness.Published.Any<Fault<ArticleIngested>>(Ct));
        var fault = _harness.Published.Select<Fault<ArticleIngested>>(Ct).First().Context.Message;
        Assert.Equal(typeof(InvalidMessageException).FullName, fault.Exceptions[0].ExceptionType);
        Assert.False(await _harness.Published.Any<ArticleClassified>(Ct));
        Assert.Empty(await _store.ListAsync(new ClassifiedArticleQuery(), Ct));
    }
}
