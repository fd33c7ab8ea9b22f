using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// Rules on the page's structure, on pages built here: the page banner, reference lists and contact boxes after the
/// article, template placeholders, and the standfirst printed between the headline and the body's own wrapper.
/// </summary>
public sealed class PageStructureTests
{
    private const string Body = """
        <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers from the United Nations.</p>
        <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
        <p>Parliaments in both capitals are expected to ratify the text before the end of the year, officials said on Friday evening.</p>
        """;

    private static string Extract(string body, string head = "") =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><head>{head}</head><body>{body}</body></html>" }).Text;

    [Fact]
    public void A_header_outside_the_article_is_the_banner_and_its_mega_menu_is_not_read()
    {
        var text = Extract($$"""
            <div class="wrapper"><header><a href="#main">Skip to main content</a><ul class="mega">
              <li><h3>Success stories</h3><p>How a regional law firm embraced new tools as the natural next step in the evolution of its legal work.</p></li>
              <li><h3>Partners</h3><p>Our partnership programme connects you with consultants who know the products and the markets they serve.</p></li>
            </ul></header>
            <h1>Ministers sign the border accord</h1>{{Body}}</div>
            """);

        Assert.Contains("signed the accord on Thursday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("law firm", text, StringComparison.Ordinal);
        Assert.DoesNotContain("partnership programme", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_articles_own_header_keeps_its_standfirst()
    {
        var text = Extract($"""
            <article><header><h1>Ministers sign the border accord</h1><p>Four decades of clashes along the river end with a signature in the capital.</p></header>{Body}</article>
            """);

        Assert.Contains("Four decades of clashes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("References")]
    [InlineData("Article Sources:")]
    [InlineData("Quellen")]
    [InlineData("Contact us")]
    public void A_reference_list_or_contact_box_after_the_article_is_not_the_article(string heading)
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Body}}<h2>{{heading}}</h2>
              <p>Smith J, Doe A. Border disputes and their settlement in the late twentieth century. Journal of Peace Studies, 2011.</p>
              <p>Call our newsroom on weekdays or fill in the short form below and an editor will get back to you within a day.</p>
            </article>
            """);

        Assert.Contains("officials said on Friday evening", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Journal of Peace Studies", text, StringComparison.Ordinal);
        Assert.DoesNotContain("newsroom", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("h2", "Related articles that may interest you", true)]
    [InlineData("h2", "More from the newsroom", true)]
    [InlineData("h2", "Explore more related content", true)]
    [InlineData("h2", "Artículos relacionados en nuestra web", true)]
    [InlineData("h2", "Getting more from your garden", false)]
    [InlineData("h2", "Read more about the costs:", false)]
    [InlineData("div", "Latest posts by Jane Doe (see all)", true)]
    [InlineData("div", "More from the newsroom", true)]
    [InlineData("div", "Getting more from your garden", false)]
    [InlineData("div", "<a href='/more'>More from the newsroom</a>", false)]
    public void A_heading_or_bare_line_framed_by_a_furniture_phrase_ends_the_article_one_merely_containing_it_or_introducing_a_list_does_not(string element, string heading, bool endsArticle)
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Body}}<{{element}}>{{heading}}</{{element}}>
              <p>Three things to know about the new airport tax that comes into force next spring for every departing passenger.</p>
            </article>
            """);

        Assert.Contains("officials said on Friday evening", text, StringComparison.Ordinal);
        Assert.Equal(!endsArticle, text.Contains("airport tax", StringComparison.Ordinal));
    }

    [Fact]
    public void A_furniture_heading_over_linked_headlines_near_the_top_is_a_box_and_the_article_goes_on()
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>
              <p>The accord was the work of four years of talks in three capitals, led by envoys who rarely spoke to the press.</p>
              <h3>Read next</h3>
              <p><a href="/a">Why the river border mattered</a></p>
              <p><a href="/b">Four decades of clashes in pictures</a></p>
              {{Body}}
            </article>
            """);

        Assert.Contains("four years of talks", text, StringComparison.Ordinal);
        Assert.Contains("officials said on Friday evening", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Read next", text, StringComparison.Ordinal);
        Assert.DoesNotContain("in pictures", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tags: Diplomacy, Borders, Rivers", false)]
    [InlineData("About the author: Jana Novak has covered the region for two decades from the capital.", false)]
    [InlineData("Schlagwörter: Diplomatie, Grenzen", false)]
    [InlineData("Sources: the foreign ministries of both countries, the United Nations mission.", true)]
    [InlineData("Observers: the United Nations sent a delegation of twelve to the signing.", true)]
    public void A_box_label_printed_on_the_line_of_its_content_drops_the_line_a_source_line_stays(string line, bool stays)
    {
        var text = Extract($$"""<article><h1>Accord</h1>{{Body}}<p>{{line}}</p><p>Both delegations left the capital on Saturday morning, after a final round of talks over breakfast.</p></article>""");

        Assert.Contains("final round of talks", text, StringComparison.Ordinal);
        Assert.Equal(stays, text.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_item_opening_with_a_box_label_is_the_articles_list()
    {
        var text = Extract($$"""<article><h1>Accord</h1>{{Body}}<ul><li>Recommended: a copy of the accord for every border post.</li><li>Required: a second signature from each parliament.</li></ul></article>""");

        Assert.Contains("Recommended: a copy of the accord", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>1. Institute for Border Studies (2019). River boundaries in the twentieth century.</p><p>2. United Nations Mission (n.d.). Observers' report.</p>", "Institute for Border Studies", false)]
    [InlineData("<p>1. Sign the register at the border post (2019 rules) before crossing with a vehicle.</p><p>Both delegations left the capital on Saturday morning, after a final round of talks over breakfast.</p>", "2019 rules", true)]
    public void A_numbered_reference_list_closing_the_text_is_not_the_article_a_dated_step_is(string closing, string line, bool stays)
    {
        var text = Extract($$"""<article><h1>Accord</h1>{{Body}}{{closing}}</article>""");

        Assert.Contains("officials said on Friday evening", text, StringComparison.Ordinal);
        Assert.Equal(stays, text.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholder_text_a_template_left_unfilled_is_dropped()
    {
        var text = Extract($"""<article><h1>Accord</h1>{Body}<div class="card"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p></div></article>""");

        Assert.Contains("signed the accord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ipsum", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_intro_printed_beside_the_headline_joins_the_body_of_its_own_wrapper()
    {
        var text = Extract($$"""
            <main><div class="post"><div class="post-head"><h1>Ministers sign the border accord</h1>
              <div class="intro"><p>After forty years of clashes, two neighbours have finally agreed where one country ends and the other begins.</p></div></div>
              <div class="post-body">{{Body}}<p>Observers said the next step would be a joint commission to mark the border on the ground, village by village.</p></div></div></main>
            """);

        Assert.StartsWith("After forty years of clashes", text, StringComparison.Ordinal);
        Assert.Contains("joint commission", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dek_that_repeats_the_meta_description_is_a_summary_not_the_text()
    {
        const string summary = "Two neighbours agree on their border after four decades of clashes along the river, in a deal signed on Thursday.";
        var text = Extract($$"""
            <main><div class="post"><div class="post-head"><h1>Ministers sign the border accord</h1><p class="dek">{{summary}}</p></div>
              <div class="post-body">{{Body}}<p>Observers said the next step would be a joint commission to mark the border on the ground, village by village.</p></div></div></main>
            """, $"""<meta name="description" content="{summary}">""");

        Assert.DoesNotContain("Two neighbours agree", text, StringComparison.Ordinal);
        Assert.Contains("signed the accord on Thursday", text, StringComparison.Ordinal);
    }
}
