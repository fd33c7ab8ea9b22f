using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// How the article's first words are read, on pages built here: a drop cap printed in an element of its own, inside or
/// just before the body's wrapper; a standfirst set in heading type under the headline; an intro section marked by one
/// more class beside the body's; a summary box of sentences under a label of its own before the body.
/// </summary>
public sealed class ArticleStartTests
{
    private const string Rest = """
        <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
        <p>Parliaments in both capitals are expected to ratify the text before the end of the year, officials said on Friday evening.</p>
        """;

    private static string Extract(string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><body>{body}</body></html>" }).Text;

    [Fact]
    public void A_drop_cap_printed_before_the_bodys_wrapper_is_the_first_words_first_letter()
    {
        var text = Extract($$"""
            <main><h1>Ministers sign the border accord</h1><div class="post"><div class="letter">T</div>
              <div class="rich"><p>he foreign ministers of both countries signed the accord on Thursday, in the presence of observers, envoys and the press.</p>{{Rest}}</div></div></main>
            """);

        Assert.StartsWith("The foreign ministers of both countries", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_cap_in_a_block_of_its_own_inside_the_body_joins_the_paragraph_after_it()
    {
        var text = Extract($$"""
            <article><h1>Ministers sign the border accord</h1><div class="cap">T</div>
              <p>he foreign ministers of both countries signed the accord on Thursday, in the presence of observers, envoys and the press.</p>{{Rest}}</article>
            """);

        Assert.Contains("The foreign ministers of both countries", text, StringComparison.Ordinal);
        Assert.DoesNotContain("T\nhe", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_capital_before_a_paragraph_starting_with_a_capital_is_left_alone()
    {
        var text = Extract($$"""
            <article><h1>Ministers sign the border accord</h1><div class="rich">
              <p>The foreign ministers of both countries signed the accord on Thursday, in the presence of observers, envoys and the press.</p>{{Rest}}</div></article>
            """);

        Assert.StartsWith("The foreign ministers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_subheading_ending_in_a_full_stop_under_the_headline_is_the_standfirst()
    {
        var text = Extract($$"""
            <div class="page"><div class="masthead"><h1>Ministers sign the border accord</h1>
              <h2>After forty years of clashes, two neighbours have finally agreed where one country ends and the other begins.</h2></div>
              <div class="content"><div class="rich"><p>The foreign ministers of both countries signed the accord on Thursday, in the presence of observers.</p>{{Rest}}</div></div></div>
            """);

        Assert.StartsWith("After forty years of clashes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What the accord settles")]
    [InlineData("How did the two neighbours finally manage to agree on where one country ends and the other begins?")]
    public void A_section_title_under_the_headline_is_not_the_standfirst(string heading)
    {
        var text = Extract($$"""
            <div class="page"><div class="masthead"><h1>Ministers sign the border accord</h1><h2>{{heading}}</h2></div>
              <div class="content"><div class="rich"><p>The foreign ministers of both countries signed the accord on Thursday, in the presence of observers.</p>{{Rest}}</div></div></div>
            """);

        Assert.StartsWith("The foreign ministers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_intro_section_beside_the_body_with_one_more_class_is_the_same_articles_first_section()
    {
        const string Long = "<p>The accord, signed on Thursday, fixes the line along the river, the two bridges and the islands, and it sets up a joint commission, with engineers, surveyors and judges, to mark it on the ground village by village.</p>";
        var text = Extract($$"""
            <div class="column"><div class="rich-text post-body intro"><p>Few expected the two neighbours to agree this year after so many false starts.</p>
              <p>Yet the deal was done in a single night of talks in the capital.</p></div>
              <div class="disclosure">We may earn a commission when you buy through links on this page.</div>
              <div class="rich-text post-body">{{string.Concat(Enumerable.Repeat(Long, 6))}}</div></div>
            """);

        Assert.StartsWith("Few expected the two neighbours", text, StringComparison.Ordinal);
        Assert.Contains("joint commission", text, StringComparison.Ordinal);
    }
    private static string KeyPointsPage(string label, string items) => Extract($$"""
        <div class="page"><div class="masthead"><h1>Ministers sign the border accord</h1></div>
          <div class="box"><h2>{{label}}</h2><ul>{{items}}</ul></div>
          <div class="content"><div class="rich"><p>The foreign ministers of both countries signed the accord on Thursday, in the presence of observers.</p>{{Rest}}{{More}}</div></div></div>
        """);

    private const string More = """
        <p>The commission will publish its first maps in the spring, starting with the stretch of river between the two bridges.</p>
        <p>Farmers on both banks have been promised that their fields and grazing rights will not change hands under the accord.</p>
        """;

    private const string Points = """
        <li>The accord fixes the border along the river after forty years of clashes.</li>
        <li>Both parliaments must ratify the text before the end of the year.</li>
        <li>A joint commission will mark the line on the ground village by village.</li>
        """;

    [Fact]
    public void A_summary_box_of_sentences_under_the_headline_opens_the_article()
    {
        var text = KeyPointsPage("In brief", Points + "<li><a href=\"/offer\">Subscribe for the full analysis</a></li>");

        Assert.StartsWith("In brief\nThe accord fixes the border along the river", text, StringComparison.Ordinal);
        Assert.Contains("village by village.\nThe foreign ministers", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe for the full analysis", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_links_or_short_labels_under_the_headline_is_no_summary()
    {
        var contents = KeyPointsPage("Contents",
            "<li><a href=\"#a\">What the accord settles</a></li><li><a href=\"#b\">How the talks started</a></li><li><a href=\"#c\">What comes next</a></li>");
        var tags = KeyPointsPage("Topics", "<li>Border disputes</li><li>Diplomacy</li><li>River treaties</li>");

        Assert.StartsWith("The foreign ministers", contents, StringComparison.Ordinal);
        Assert.StartsWith("The foreign ministers", tags, StringComparison.Ordinal);
    }
}
