using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>Title, byline and date as the page shows them, from meta tags, JSON-LD, <c>&lt;time&gt;</c> and markup.</summary>
public sealed class PageMetadataTests
{
    private const string Body = """
        <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers from the United Nations.</p>
        <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
        """;

    private static ExtractedArticle Extract(string head, string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><head>{head}</head><body>{body}</body></html>" });

    [Fact]
    public void The_visible_headline_wins_over_a_search_engine_title_and_the_site_name_is_dropped()
    {
        var shown = Extract("""<meta property="og:title" content="Border accord: ministers sign the deal | Example News"><meta property="og:site_name" content="Example News">""",
            $"<header><h1>Example News</h1></header><article><h1>Ministers sign the border accord</h1>{Body}</article>");
        var metaOnly = Extract("""<title>Ministers sign the border accord | Example News</title><meta property="og:site_name" content="Example News">""", $"<article>{Body}</article>");
        var sectionH1 = Extract("""<title>Ministers sign the border accord - Example News</title>""", $"<div><h1>Blog</h1></div><article>{Body}</article>");

        Assert.Equal("Ministers sign the border accord", shown.Title);
        Assert.Equal("Ministers sign the border accord", metaOnly.Title);
        Assert.Equal("Ministers sign the border accord", sectionH1.Title);
    }

    [Fact]
    public void The_date_shown_on_the_page_is_chosen_between_published_and_modified()
    {
        const string head = """<meta property="article:published_time" content="2024-01-29T20:47:55+00:00"><meta property="article:modified_time" content="2024-08-19T13:25:59+00:00">""";

        var showsUpdate = Extract(head, $"<article><h1>Accord</h1><p class='meta'>Updated August 19, 2024</p>{Body}</article>");
        var showsNothing = Extract(head, $"<article><h1>Accord</h1>{Body}</article>");
        var timeOnly = Extract(string.Empty, $"<article><h1>Accord</h1><time datetime='2024-05-16'>16 May</time>{Body}</article>");

        Assert.Equal(new DateOnly(2024, 8, 19), DateOnly.FromDateTime(showsUpdate.PublishedAt!.Value.Date));
        Assert.Equal(new DateOnly(2024, 1, 29), DateOnly.FromDateTime(showsNothing.PublishedAt!.Value.Date));
        Assert.Equal(new DateOnly(2024, 5, 16), DateOnly.FromDateTime(timeOnly.PublishedAt!.Value.Date));
    }

    [Fact]
    public void The_byline_is_a_person_without_its_by_prefix()
    {
        var fromJsonLd = Extract("""
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Accord","author":[{"@type":"Organization","name":"Example News"},{"@type":"Person","name":"Jane Doe"}]}</script>
            """, $"<article>{Body}</article>");
        var fromMarkup = Extract(string.Empty, $"<article><h1>Accord</h1><div class='post-author'>By Omar Haddad</div>{Body}</article>");

        Assert.Equal("Jane Doe", fromJsonLd.Byline);
        Assert.Equal("Omar Haddad", fromMarkup.Byline);
        Assert.DoesNotContain("Omar Haddad", fromMarkup.Text, StringComparison.Ordinal);
    }
}
