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
using Monitoring.Storage.Outbox;

namespace Monitoring.Classify.Tests.Articles;

/// <summary>The classify consumer on MassTransit's in-memory test harness, with a real SQLite event store.</summary>
public sealed class ClassifyArticleConsumerTests : IAsyncLifetime
{
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private IClassifiedArticleStore _store = null!;
    private ICodedEventStore _codedEvents = null!;
    private IOutboxStore _outbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var database = StoreFactory.FreshSqlite();
        _store = await StoreFactory.CreateSqliteAsync<SqliteClassifiedArticleStore>(database);
        _codedEvents = await StoreFactory.CreateSqliteAsync<SqliteCodedEventStore>(database);
        _outbox = StoreFactory.OutboxOf(_store, ClassifyOutbox.Name);
        _provider = new ServiceCollection()
            .AddSqliteOutbox(ClassifyOutbox.Name, database)
            .AddSingleton(Classifiers.Default)
            .AddSingleton(Coders.Default)
            .AddSingleton(Classifiers.Places)
            .AddSingleton(Options.Create(new EventCodingOptions()))
            .AddSingleton(_store)
            .AddSingleton(_codedEvents)
            .AddSingleton(TimeProvider.System)
            .AddScoped<ClassifiedArticleRecorder>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<ClassifyArticleConsumer, ClassifyArticleConsumerDefinition>();
                // The harness answers "nothing published" after this long without bus activity: on a machine busy with
                // other builds, the default 1.2 s passes before the consumer has run.
                bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(10));
            })
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
    public async Task An_ingested_article_delivered_twice_is_stored_once_and_announced_once_with_its_tags()
    {
        var article = Sample(new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text);

        await _harness.Bus.Publish(article, Ct);
        await _harness.Bus.Publish(article, Ct);

        await Eventually.HoldsAsync(() => _harness.Consumed.Select<ArticleIngested>(Ct).Count() == 2, "both deliveries are consumed");
        await Eventually.HoldsAsync(() => _harness.Published.Select<ArticleClassified>(Ct).Any(), "the article is announced");
        await Task.Delay(300, Ct);
        var announced = Assert.Single(_harness.Published.Select<ArticleClassified>(Ct)).Context.Message;
        Assert.Equal(["CHN", "RUS"], announced.Countries.Take(2).Order());
        Assert.Contains(announced.Topics, t => t.Id == "law-enforcement");
        Assert.Single((await _store.ListAsync(new ClassifiedArticleQuery(), Ct)).Items);

        // No dispatcher runs in this harness, so the published message is still in the outbox: the one announced, written with the article.
        var pending = Assert.Single(await _outbox.PendingAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Equal(announced.ArticleId, ((ArticleClassified)pending.Deserialize(out _)).ArticleId);
    }

    [Fact]
    public async Task The_coded_events_are_announced_as_codes_and_stored_once_in_GDELT_terms_with_their_evidence()
    {
        var article = Sample(new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text);

        await _harness.Bus.Publish(article, Ct);
        await _harness.Bus.Publish(article, Ct);

        await Eventually.HoldsAsync(() => _harness.Consumed.Select<ArticleIngested>(Ct).Count() == 2, "both deliveries are consumed");
        var announced = Assert.Single(_harness.Published.Select<ArticleClassified>(Ct)).Context.Message;
        Assert.Contains(announced.EventCodes!, e => e.Cameo.StartsWith("04", StringComparison.Ordinal) && e.Source == "CHN" && e.Target == "RUS");

        var stored = (await _codedEvents.ListAsync(new CodedEventQuery(Limit: 500), Ct)).Items;
        Assert.Equal(announced.EventCodes!.Select(e => e.Cameo).ToHashSet(), stored.Select(e => e.EventCode).ToHashSet());
        Assert.All(stored, e => Assert.Equal(e.Sentence, article.Text[e.SentenceStart..(e.SentenceStart + e.Sentence.Length)]));
        var meeting = Assert.Single(stored, e => e.EventRootCode == "04" && e.Actor1Code == "CHN" && e.Actor2Code == "RUS");
        Assert.Equal(("CHN", "RUS", 1), (meeting.Actor1CountryCode, meeting.Actor2CountryCode, meeting.QuadClass));
        Assert.Equal("sample", meeting.StoryId);
        Assert.Contains(stored, e => e.EventCode == "0313" && e.Actor1CountryCode == "RUS");
    }

    [Fact]
    public async Task An_article_is_coded_in_its_own_language()
    {
        // Spanish words mean nothing to the English coder: only the article's language finds the arrest.
        await _harness.Bus.Publish(Sample("La policía colombiana detuvo a diez manifestantes en Bogotá.") with { Language = "es" }, Ct);

        await Eventually.HoldsAsync(() => _harness.Published.Select<ArticleClassified>(Ct).Any(), "the article is announced");
        var announced = Assert.Single(_harness.Published.Select<ArticleClassified>(Ct)).Context.Message;
        Assert.Contains(announced.EventCodes!, e => e.Cameo.StartsWith("17", StringComparison.Ordinal) && e.Source == "COL");
    }

    [Fact]
    public async Task The_announcement_is_lean_and_points_at_the_stored_evidence()
    {
        var article = Sample(new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text);

        await _harness.Bus.Publish(article, Ct);

        await Eventually.HoldsAsync(() => _harness.Published.Select<ArticleClassified>(Ct).Any(), "the article is announced");
        var announced = Assert.Single(_harness.Published.Select<ArticleClassified>(Ct)).Context.Message;
        Assert.Null(announced.Entities);
        Assert.Null(announced.Events);
        Assert.Contains(announced.Topics, t => t.Evidence is { Count: > 0 }); // kept: the alert service's preview shows it
        Assert.NotEmpty(announced.Actors!);
        Assert.All(announced.Actors!, a => Assert.Contains(a.Type, new[] { "person", "organisation" }));
        Assert.Equal($"/api/classified-articles/{article.ArticleId}", announced.EvidencePath);

        // The evidence left out of the message is in the store, where the path leads.
        var stored = await _store.GetAsync(article.ArticleId, Ct);
        Assert.NotNull(stored);
        Assert.All(announced.Actors!, a => Assert.Contains(stored.Entities!, e => e.Name == a.Name && e.Mentions.Count > 0));

        // What it weighs beside the text it carries: the article once, plus a few hundred bytes per tag or topic match.
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(announced, System.Text.Json.JsonSerializerOptions.Web).Length;
        var tags = announced.Topics.Sum(t => 1 + (t.Evidence?.Count ?? 0)) + announced.Actors!.Count + announced.EventCodes!.Count + announced.Countries.Count;
        Assert.True(json < System.Text.Encoding.UTF8.GetByteCount(announced.Text) * 1.1 + 1024 + 200 * tags, $"{json} bytes for {announced.Text.Length} characters and {tags} tags");
    }

    [Fact]
    public async Task An_article_without_text_faults_without_retry_and_announces_nothing()
    {
        await _harness.Bus.Publish(Sample(""), Ct);

        Assert.True(await _harness.Published.Any<Fault<ArticleIngested>>(Ct));
        var fault = _harness.Published.Select<Fault<ArticleIngested>>(Ct).First().Context.Message;
        Assert.Equal(typeof(InvalidMessageException).FullName, fault.Exceptions[0].ExceptionType);
        Assert.False(await _harness.Published.Any<ArticleClassified>(Ct));
        Assert.Empty((await _store.ListAsync(new ClassifiedArticleQuery(), Ct)).Items);
    }
}
