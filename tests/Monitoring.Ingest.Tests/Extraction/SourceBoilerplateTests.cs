using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>Learning a source's template across its documents, as the ingest service does for every source.</summary>
public sealed class SourceBoilerplateTests
{
    // Template lines no static rule knows: only learning across documents can recognise them.
    private static readonly string[] Template =
    [
        "Download the Daily Wire app for breaking news alerts",
        "Follow our correspondents on Telegram: @dailywire_world",
        "Editor: M. Petrov | Tips: newsroom@dailywire.example",
    ];

    private static readonly string[] Stories =
    [
        "The foreign ministers of Armenia and Azerbaijan met in Almaty on Friday to continue work on a peace treaty.",
        "Finland's border guard closed two more crossing points after a rise in asylum seekers arriving from Russia.",
        "The African Union suspended Niger's membership until constitutional order is restored, its council said.",
        "Japan and the Philippines signed a reciprocal access agreement allowing troops to train on each other's soil.",
    ];

    private static ArticleSubmission Page(string story, string source = "daily-wire") =>
        new() { Source = source, Text = string.Join('\n', [Template[0], Template[1], story, Template[2]]) };

    [Fact]
    public void Lines_recurring_across_a_sources_articles_are_dropped_once_seen_in_enough_of_them()
    {
        var extractor = new ArticleExtractor(new SourceBoilerplate(minDocuments: 3));

        var first = extractor.Extract(Page(Stories[0]));
        extractor.Extract(Page(Stories[1]));
        var third = extractor.Extract(Page(Stories[2]));
        var fourth = extractor.Extract(Page(Stories[3]));

        // Before the model has evidence the template passes through; from the third document on it is gone.
        Assert.Contains(Template[0], first.Text, StringComparison.Ordinal);
        foreach (var article in new[] { third, fourth })
        {
            Assert.All(Template, line => Assert.DoesNotContain(line, article.Text, StringComparison.Ordinal));
        }

        Assert.Equal(Stories[3], fourth.Text);
    }

    [Fact]
    public void Template_numbers_may_change_between_articles()
    {
        var model = new SourceBoilerplate(minDocuments: 2);
        model.Observe("cgtn", ["Copyright © 2023 CGTN. Beijing ICP 20000184", "Story one."]);
        model.Observe("cgtn", ["Copyright © 2024 CGTN. Beijing ICP 20000184", "Story two."]);

        Assert.True(model.IsTemplate("cgtn", "Copyright © 2025 CGTN. Beijing ICP 20000184"));
        Assert.False(model.IsTemplate("cgtn", "Story three."));
    }

    [Fact]
    public void What_one_source_repeats_is_not_template_for_another()
    {
        var extractor = new ArticleExtractor(new SourceBoilerplate(minDocuments: 3));
        foreach (var story in Stories.Take(3)) extractor.Extract(Page(story));

        var other = extractor.Extract(Page(Stories[3], source: "other-outlet"));

        Assert.Contains(Template[0], other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_article_submitted_again_does_not_teach_its_own_text_as_template()
    {
        var extractor = new ArticleExtractor(new SourceBoilerplate(minDocuments: 3));

        var articles = Enumerable.Range(0, 5).Select(_ => extractor.Extract(Page(Stories[0]))).ToList();

        Assert.All(articles, article => Assert.Contains(Stories[0], article.Text, StringComparison.Ordinal));
        Assert.All(articles, article => Assert.Contains(Template[0], article.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Long_paragraphs_repeated_across_articles_stay_content()
    {
        var background = "Russia launched its full-scale invasion of Ukraine in February 2022, and since then more than ten million people have been displaced inside the country or have fled abroad, according to the UN refugee agency, which has repeatedly called for more funding for its operations in the region and in neighbouring countries.";
        var model = new SourceBoilerplate(minDocuments: 2);
        model.Observe("wire", [background, "One."]);
        model.Observe("wire", [background, "Two."]);

        Assert.True(background.Length > SourceBoilerplate.MaxTemplateLineLength);
        Assert.False(model.IsTemplate("wire", background));
    }

    [Fact]
    public void Memory_is_bounded_by_evicting_the_least_recently_seen_source_and_old_documents()
    {
        var model = new SourceBoilerplate(minDocuments: 2, windowDocuments: 2, maxSources: 2);
        model.Observe("a", ["Subscribe to A", "alpha"]);
        model.Observe("a", ["Subscribe to A", "beta"]);
        Assert.True(model.IsTemplate("a", "Subscribe to A"));

        // Two newer documents push the template out of source a's window.
        model.Observe("a", ["gamma"]);
        model.Observe("a", ["delta"]);
        Assert.False(model.IsTemplate("a", "Subscribe to A"));

        model.Observe("b", ["Subscribe to B", "one"]);
        model.Observe("b", ["Subscribe to B", "two"]);
        model.Observe("c", ["three"]);
        Assert.Equal(2, model.SourceCount);
        Assert.False(model.IsTemplate("a", "gamma"));
        Assert.True(model.IsTemplate("b", "Subscribe to B"));
    }

    [Fact]
    public void Without_a_source_or_url_nothing_is_learnt()
    {
        var extractor = new ArticleExtractor(new SourceBoilerplate(minDocuments: 2));
        ArticleSubmission Anonymous(string story) => Page(story) with { Source = null };

        foreach (var story in Stories.Take(3)) extractor.Extract(Anonymous(story));
        var article = extractor.Extract(Anonymous(Stories[3]));

        Assert.Contains(Template[0], article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_pages_of_one_host_teach_their_template_too()
    {
        var extractor = new ArticleExtractor(new SourceBoilerplate(minDocuments: 3));
        static string Html(string story) => $"""
            <html><body><article><h1>Headline</h1>
            <p>{story} Officials said further talks would follow next month in the same format.</p>
            <p>The statement was published on the ministry's website after the meeting.</p>
            <p>Get our morning briefing in your inbox every weekday</p>
            </article></body></html>
            """;

        ExtractedArticle last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = extractor.Extract(new ArticleSubmission { Url = $"https://news.example/story-{i}", Html = Html(Stories[i]) });
        }

        Assert.DoesNotContain("morning briefing", last.Text, StringComparison.Ordinal);
        Assert.Contains(Stories[3], last.Text, StringComparison.Ordinal);
    }
}
