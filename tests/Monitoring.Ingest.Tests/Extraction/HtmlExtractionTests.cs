using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>HTML pages: metadata from JSON-LD, meta tags and markup; the body without the furniture Readability keeps.</summary>
public sealed class HtmlExtractionTests
{
    private readonly ArticleExtractor _extractor = new();

    private const string Paragraphs = """
        <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers from the United Nations.</p>
        <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
        <p>Parliaments in both capitals are expected to ratify the text before the end of the year, officials said.</p>
        """;

    [Fact]
    public void Json_ld_gives_headline_authors_date_and_url()
    {
        var html = $$$"""
            <html><head><title>Accord signed | Example News</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example News"},
              {"@type":"NewsArticle","headline":"Ministers sign the border accord","datePublished":"2024-05-16T08:30:00+02:00",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Haddad"}],
               "mainEntityOfPage":{"@id":"https://news.example/world/accord"}}]}</script></head>
            <body><article><h1>Ministers sign the border accord</h1>{{{Paragraphs}}}</article></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Html = html });

        Assert.Equal("Ministers sign the border accord", article.Title);
        Assert.Equal("Jane Doe, Omar Haddad", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 6, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("https://news.example/world/accord", article.CanonicalUrl);
        Assert.StartsWith("The foreign ministers of both countries signed", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ministers sign the border accord", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_json_ld_meta_tags_time_and_a_relative_canonical_link_are_used()
    {
        var html = $$"""
            <html lang="en-GB"><head><meta name="author" content="Jane Doe"><link rel="canonical" href="/world/accord"></head>
            <body><article><h1>Border accord signed</h1><p class="byline">By Jane Doe</p><time datetime="2024-05-16">16 May 2024</time>{{Paragraphs}}</article></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Url = "https://news.example/world/accord?utm_source=feed", Html = html });

        Assert.Equal("Border accord signed", article.Title);
        Assert.Equal("Jane Doe", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("https://news.example/world/accord", article.CanonicalUrl);
        Assert.DoesNotContain("By Jane Doe", article.Text, StringComparison.Ordinal);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void A_page_that_ships_its_body_only_in_json_ld_yields_the_article_body()
    {
        const string html = """
            <html><head><script type="application/ld+json">{"@type":"Article","headline":"Talks resume",
            "articleBody":"Negotiators from both delegations resumed talks in Geneva on Monday after a two-month pause.\nThe agenda includes prisoner exchanges, humanitarian corridors and the monitoring of a ceasefire line that both sides have accused the other of violating.\nA joint statement is expected on Friday."}</script></head>
            <body><div id="app"><p>Loading…</p></div></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Html = html });

        Assert.Equal("Talks resume", article.Title);
        Assert.Equal(3, article.Text.Split('\n').Length);
        Assert.StartsWith("Negotiators from both delegations", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Captions_link_lists_and_everything_after_a_related_heading_are_dropped_and_tables_read_as_rows()
    {
        var html = $$"""
            <html><body><main><article><h1>Ministers sign the border accord</h1>
            <figure><img src="a.jpg"><figcaption>The ministers shake hands after the ceremony. Photo: Reuters</figcaption></figure>
            {{Paragraphs}}
            <table><tr><th>Country</th><th>Troops withdrawn</th></tr><tr><td>North</td><td>1,200</td></tr></table>
            <p>Both governments called the agreement a historic step and thanked the mediators for their patience over many years.</p>
            <ul><li><a href="/a">Border talks stall</a></li><li><a href="/b">Mediators named</a></li><li><a href="/c">River clashes</a></li><li><a href="/d">Map of the region</a></li></ul>
            <h3>Related stories</h3>
            <p>Earlier this year, a ceasefire along the river collapsed after only three weeks of relative calm in the area.</p>
            </article></main></body></html>
            """;

        var lines = _extractor.Extract(new ArticleSubmission { Html = html }).Text.Split('\n');

        Assert.DoesNotContain(lines, line => line.Contains("shake hands", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Border talks stall", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("ceasefire along the river collapsed", StringComparison.Ordinal));
        Assert.Contains("Country | Troops withdrawn", lines);
        Assert.Contains("North | 1,200", lines);
        Assert.Equal("Both governments called the agreement a historic step and thanked the mediators for their patience over many years.", lines[^1]);
    }

    [Fact]
    public void An_article_in_a_hidden_streaming_placeholder_is_still_found()
    {
        var html = $$"""
            <html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div hidden id="S:0"><main><div class="prose">{{Paragraphs}}</div></main></div>
            <footer><p>Copyright © 2024 Example News. All rights reserved.</p></footer></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Html = html });

        Assert.Equal(3, article.Text.Split('\n').Length);
        Assert.StartsWith("The foreign ministers", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_declared_language_serves_when_the_text_does_not_tell()
    {
        const string html = """<html lang="pt-BR"><body><article><p>12.500 / 7.300 — 2024</p></article></body></html>""";

        Assert.Equal("pt", _extractor.Extract(new ArticleSubmission { Html = html }).Language);
    }

    [Theory]
    [InlineData("2024-05-16T08:30:00Z", "2024-05-16T08:30:00+00:00")]
    [InlineData("Thu, 16 May 2024 08:30:00 GMT", "2024-05-16T08:30:00+00:00")]
    [InlineData("20240516", "2024-05-16T00:00:00+00:00")]
    [InlineData("1715848200", "2024-05-16T08:30:00+00:00")]
    public void Dates_in_the_formats_pages_use_are_understood(string value, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), HtmlMetadata.ParseDate(value));

    [Theory]
    [InlineData("next week")]
    [InlineData("")]
    public void Unparseable_dates_are_absent(string value) =>
        Assert.Null(HtmlMetadata.ParseDate(value));
}
