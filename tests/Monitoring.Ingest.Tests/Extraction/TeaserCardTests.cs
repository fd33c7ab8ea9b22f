using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>Cards that link to other pages (a linked heading and an excerpt) are not the article; a list of linked names is.</summary>
public sealed class TeaserCardTests
{
    private const string Body = """
        <p>The harbour authority opened the new breakwater on Monday after three years of work on the outer basin.</p>
        <p>Fishing boats had waited outside the old entrance for hours in winter storms, the harbour master said at the opening.</p>
        """;

    private static string Extract(string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><body><article><h1>A breakwater for the harbour</h1>{body}</article></body></html>" }).Text;

    [Fact]
    public void Cards_with_a_linked_heading_and_an_excerpt_are_dropped()
    {
        var text = Extract(Body + """
            <ul>
              <li><h3><a href="/ferry">Ferry timetable changes for the summer season</a></h3><p>Two more crossings a day from June.</p></li>
              <li><h3><a href="/quay">The old quay will become a market square</a></h3><p>The council approved the plan in May.</p></li>
            </ul>
            """);

        Assert.Contains("outer basin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry timetable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("market square", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_nested_in_the_article_is_a_teaser()
    {
        var text = Extract(Body + """
            <div><article><h3><a href="/lighthouse">Volunteers repaint the lighthouse</a></h3><p>The work took six weekends.</p></article></div>
            """);

        Assert.Contains("harbour master", text, StringComparison.Ordinal);
        Assert.DoesNotContain("repaint the lighthouse", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_articles_that_are_only_a_linked_headline_are_teasers_too()
    {
        var text = Extract(Body + """
            <div class="grid"><article><h3><a href="/dredging">Dredging of the inner basin begins in spring</a></h3></article>
            <article><h3><a href="/ferry">A second ferry joins the island route</a></h3></article></div>
            """);

        Assert.Contains("harbour master", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dredging of the inner basin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("second ferry", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_linked_names_is_content()
    {
        var text = Extract(Body + """
            <p>The contractors named in the report were these two firms, both from the region.</p>
            <ul>
              <li><h3><a href="https://example.org/a">Nordic Marine Works</a></h3></li>
              <li><h3><a href="https://example.org/b">Baltic Stone and Gravel</a></h3></li>
            </ul>
            <p>Both firms said they would bid for the second stage of the works on the inner basin next year.</p>
            """);

        Assert.Contains("Nordic Marine Works", text, StringComparison.Ordinal);
        Assert.Contains("Baltic Stone and Gravel", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_headings_that_are_not_links_stay()
    {
        var text = Extract(Body + """
            <ul>
              <li><h3>The outer basin and its new depth</h3><p>Dredgers took the basin down to nine metres.</p></li>
              <li><h3>The entrance and its new lights</h3><p>Two green lights now mark the channel.</p></li>
            </ul>
            """);

        Assert.Contains("nine metres", text, StringComparison.Ordinal);
        Assert.Contains("Two green lights", text, StringComparison.Ordinal);
    }
}
