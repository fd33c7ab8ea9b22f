using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Sample_article_loses_every_boilerplate_line_and_keeps_its_first_paragraph()
    {
        var article = _extractor.Extract(new ArticleSubmission { Text = SampleArticle.Text });

        var lines = article.Text.Split('\n');
        foreach (var boilerplate in SampleArticle.BoilerplateLines)
        {
            Assert.DoesNotContain(boilerplate, lines);
        }

        Assert.Equal(SampleArticle.FirstParagraph, lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("Shoigu said that Russia is willing", lines[^1]);
        Assert.Equal("en", article.Language);
        Assert.StartsWith("The 9th meeting of the China-Russia", article.Title);
    }

    [Fact]
    public void A_paragraph_scraped_twice_is_kept_once_while_a_repeated_menu_line_is_dropped()
    {
        var paragraph = "Officials from both ministries met in Vienna on Tuesday to discuss the extradition treaty, which has been under negotiation for nine years and covers financial crimes.";
        var text = string.Join('\n', "Menu item", paragraph, "Menu item", paragraph, "A closing line of the story.");

        var article = _extractor.Extract(new ArticleSubmission { Text = text });

        Assert.Equal([paragraph, "A closing line of the story."], article.Text.Split('\n'));
    }

    [Fact]
    public void A_first_line_too_long_for_a_title_is_cut_even_with_no_space_in_it()
    {
        var unbroken = new string('x', 450);
        var spaced = string.Join(' ', Enumerable.Repeat("word", 90));
        var body = "The ministers met on Tuesday and agreed to extend the accord by another five years, officials said.";

        var noSpace = _extractor.Extract(new ArticleSubmission { Text = unbroken + "\n" + body });
        var withSpaces = _extractor.Extract(new ArticleSubmission { Text = spaced + "\n" + body });

        Assert.Equal(new string('x', 200) + "…", noSpace.Title);
        Assert.EndsWith("word…", withSpaces.Title);
        Assert.True(withSpaces.Title!.Length <= 201);
    }

    [Fact]
    public void Html_yields_the_article_text_without_navigation_scripts_or_footer()
    {
        const string html = """
            <html lang="fr"><head><title>Site | Story</title>
            <meta property="og:title" content="Ministers sign the border accord">
            <meta property="article:published_time" content="2024-05-16T08:30:00Z">
            <link rel="canonical" href="https://news.example/accord"></head>
            <body><nav><a>Home</a><a>World</a></nav><script>var tracking = 1;</script>
            <article><h1>Ministers sign the border accord</h1>
            <p>The foreign ministers of both countries signed the accord on Thursday.</p>
            <p>It settles a dispute that has lasted four decades.</p>
            <figure><img src="x.jpg"><figcaption>The signing ceremony.</figcaption></figure></article>
            <footer>Copyright © 2024 Example News. All rights reserved.</footer></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Html = html });

        Assert.Equal("Ministers sign the border accord", article.Title);
        Assert.Equal("The foreign ministers of both countries signed the accord on Thursday.\nIt settles a dispute that has lasted four decades.", article.Text);
        Assert.Equal("https://news.example/accord", article.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 8, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void A_submitted_title_wins_over_the_page_and_the_submitted_url_serves_when_the_page_names_no_canonical()
    {
        var article = _extractor.Extract(new ArticleSubmission
        {
            Title = "Given title",
            Url = "https://given.example/a",
            Html = "<html><head><title>Page title</title></head><body><p>Body text of the story is here.</p></body></html>",
        });

        Assert.Equal("Given title", article.Title);
        Assert.Equal("https://given.example/a", article.CanonicalUrl);
    }

    [Theory]
    [InlineData("Protesters gather outside parliament in Tbilisi. /Reuters")]
    [InlineData("Cookies help us deliver our services. By using our site you accept cookies.")]
    [InlineData("© 2024 Example Media. All rights reserved.")]
    public void Captions_cookie_banners_and_copyright_lines_are_boilerplate(string line) =>
        Assert.True(BoilerplateFilter.IsBoilerplate(line));

    [Theory]
    [InlineData("The minister said the police would investigate the attack on the embassy.")]
    [InlineData("China and Russia signed 12 agreements, according to the joint statement.")]
    public void Ordinary_sentences_are_not_boilerplate(string line) =>
        Assert.False(BoilerplateFilter.IsBoilerplate(line));
}
