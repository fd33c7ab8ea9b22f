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
    public void An_h1_that_lost_characters_takes_the_declared_spelling()
    {
        var split = Extract("""<meta property="og:title" content="Ministers sign the accord - What it means for the border">""",
            $"<article><h1><span>Ministers sign the accord</span> <span>What it means for the border</span></h1>{Body}</article>");
        var misEncoded = Extract("""<meta property="og:title" content="Ministers' accord: the border's new line">""",
            $"<article><h1>Ministers? accord? the border? new line</h1>{Body}</article>");
        var question = Extract("""<meta property="og:title" content="Will ministers sign the accord">""",
            $"<article><h1>Will ministers sign the accord?</h1>{Body}</article>");
        var strayTail = Extract("""<title>Ministers sign the accord |</title>""", $"<article><h1>Ministers sign the accord</h1>{Body}</article>");

        Assert.Equal("Ministers sign the accord - What it means for the border", split.Title);
        Assert.Equal("Ministers' accord: the border's new line", misEncoded.Title);
        Assert.Equal("Will ministers sign the accord?", question.Title);
        Assert.Equal("Ministers sign the accord", strayTail.Title);
    }

    [Fact]
    public void A_short_section_label_in_the_h1_is_not_the_headline()
    {
        const string head = """<meta property="og:title" content="Accord signed: the ministers settle the border dispute">""";

        var label = Extract(head, $"<div><h1>Border Updates</h1></div><article>{Body}</article>");
        var shortHeadline = Extract(head, $"<article><h1>Accord signed</h1>{Body}</article>");

        Assert.Equal("Accord signed: the ministers settle the border dispute", label.Title);
        Assert.Equal("Accord signed", shortHeadline.Title);
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

    [Fact]
    public void A_date_declared_in_a_script_in_the_body_is_not_a_printed_one()
    {
        const string head = """<meta property="article:published_time" content="2024-01-29T20:47:55+00:00"><meta property="article:modified_time" content="2024-08-19T13:25:59+00:00">""";
        const string declaredInBody = """<script type="application/ld+json">{"@type":"WebPage","datePublished":"2024-01-29"}</script>""";

        var showsUpdate = Extract(head, $"{declaredInBody}<article><h1>Accord</h1><p>Last updated: Aug 19, 2024</p>{Body}</article>");

        Assert.Equal(new DateOnly(2024, 8, 19), DateOnly.FromDateTime(showsUpdate.PublishedAt!.Value.Date));
    }

    [Fact]
    public void A_comments_date_is_not_the_articles_and_a_date_line_in_another_language_is_read()
    {
        const string head = """<meta property="article:published_time" content="2024-01-29T20:47:55+00:00">""";
        var withComment = Extract(head, $"""<article><h1>Accord</h1>{Body}</article><div id="comments"><p>Marie</p><time>September 17, 2024</time><p>Finally.</p></div>""");
        var french = Extract(string.Empty, $"<article><h1>Les ministres signent l'accord</h1><p>Publié le 16 mai 2024</p>{Body}</article>");

        Assert.Equal(new DateOnly(2024, 1, 29), DateOnly.FromDateTime(withComment.PublishedAt!.Value.Date));
        Assert.Equal(new DateOnly(2024, 5, 16), DateOnly.FromDateTime(french.PublishedAt!.Value.Date));
    }

    [Fact]
    public void A_declared_title_that_adds_the_lists_count_to_the_shown_h1_is_the_whole_title()
    {
        var counted = Extract("""<meta property="og:title" content="12 Ways to Plan a Garden | Example Studio"><meta property="og:site_name" content="Example Studio">""",
            $"<article><h1>Ways to Plan a Garden</h1>{Body}</article>");
        var reworded = Extract("""<meta property="og:title" content="Ways to plan a garden: a dozen ideas | Example Studio"><meta property="og:site_name" content="Example Studio">""",
            $"<article><h1>Ways to Plan a Garden</h1>{Body}</article>");

        Assert.Equal("12 Ways to Plan a Garden", counted.Title);
        Assert.Equal("Ways to Plan a Garden", reworded.Title);
    }

    [Fact]
    public void The_byline_printed_after_a_label_near_the_headline_wins_and_graph_authors_are_resolved()
    {
        var labelled = Extract(string.Empty, $"<article><h1>Accord</h1><div class='meta'><span>Written by</span> <a href='/a/jd'>Jane Doe</a> <span>and</span> <a href='/a/or'>Omar Roe</a></div>{Body}</article>");
        var graph = Extract("""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Article","@id":"#article","headline":"Accord","author":{"@id":"#/schema/person/1"}},
              {"@type":"Person","@id":"#/schema/person/1","name":"Lena Petrova"}]}</script>
            """, $"<article><h1>Accord</h1>{Body}</article>");

        Assert.Equal("Jane Doe, Omar Roe", labelled.Byline);
        Assert.Equal("Lena Petrova", graph.Byline);
    }

    [Fact]
    public void A_person_marked_up_on_the_page_wins_over_an_organisation_declared_as_author()
    {
        const string organisation = """<script type="application/ld+json">{"@type":"Article","headline":"Accord","author":{"@type":"NewsMediaOrganization","name":"Example News"}}</script>""";

        var person = Extract(organisation, $"<article><h1>Accord</h1><div class='author-name'>Lena Petrova</div>{Body}</article>");
        var nobody = Extract(organisation, $"<article><h1>Accord</h1>{Body}</article>");

        Assert.Equal("Lena Petrova", person.Byline);
        Assert.Equal("Example News", nobody.Byline);
    }

    [Fact]
    public void A_date_line_or_a_widget_title_after_the_by_label_is_no_byline()
    {
        var dateLine = Extract(string.Empty, $"<article><h1>Accord</h1><div><span>By</span> <span>Updated on</span> <span>May 4, 2026</span></div>{Body}</article>");
        var widget = Extract(string.Empty, $"<article><h1>Accord</h1>{Body}</article><div class='author-box'><a href='#about'>Recent Posts</a></div>");

        Assert.Null(dateLine.Byline);
        Assert.Null(widget.Byline);
    }

    [Fact]
    public void A_site_name_before_the_headline_in_the_title_is_dropped()
    {
        var named = Extract("""<title>Example News | Ministers sign the border accord</title><meta property="og:site_name" content="Example News">""", $"<article>{Body}</article>");
        var unnamed = Extract("""<title>The Courier | Ministers sign the border accord</title>""", $"<article>{Body}</article>");
        var barInHeadline = Extract("""<title>Ministers sign the border accord | What the deal means for the river towns</title>""", $"<article>{Body}</article>");

        Assert.Equal("Ministers sign the border accord", named.Title);
        Assert.Equal("Ministers sign the border accord", unnamed.Title);
        Assert.Equal("Ministers sign the border accord | What the deal means for the river towns", barInHeadline.Title);
    }

    [Theory]
    [InlineData("Beginner's Guide to Pruning (Roses and Shrubs)", "The Beginner's Guide to Pruning", "Beginner's Guide to Pruning (Roses and Shrubs)")]
    [InlineData("Best Garden Tools in 2026 [Tested 12 Tools]", "Best Garden Tools in 2026 - I Tested 12 Tools", "Best Garden Tools in 2026 [Tested 12 Tools]")]
    [InlineData("Ministers sign the border accord", "Ministers sign the border accord (full text)", "Ministers sign the border accord (full text)")]
    [InlineData("Ministers sign the border accord (video)", "Parliament ratifies the border accord", "Parliament ratifies the border accord")]
    public void A_declared_title_that_adds_a_bracketed_qualifier_to_the_shown_h1_is_the_whole_title(string declared, string h1, string expected) =>
        Assert.Equal(expected, Extract($"""<meta property="og:title" content="{declared}">""", $"<article><h1>{h1}</h1>{Body}</article>").Title);

    [Theory]
    [InlineData("Garden Planning Tools – Seed Sowing Calendar", "Garden Planning Tools")]
    [InlineData("Spring Garden Planning – The Complete Seed Sowing Calendar", "Spring Garden Planning – The Complete Seed Sowing Calendar")]
    public void A_tagline_is_dropped_only_when_it_is_no_longer_than_the_headline_before_it(string h1, string expected) =>
        Assert.Equal(expected, Extract(string.Empty, $"<article><h1>{h1}</h1>{Body}</article>").Title);
}
