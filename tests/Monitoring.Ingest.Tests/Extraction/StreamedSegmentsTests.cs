using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// Pages streamed by React (Suspense over server rendering): the article arrives hidden at the end of the document and
/// an inline script moves it in place of a "Loading…" fallback. The extractor reads what the browser shows.
/// </summary>
public sealed class StreamedSegmentsTests
{
    private const string Paragraphs = """
        <p>The regional council approved the new tram line on Tuesday after three years of consultation with residents.</p>
        <p>Construction of the eleven-kilometre route is due to start next spring and to finish before the end of 2029.</p>
        <p>Shopkeepers along the avenue asked for compensation during the works, which the council promised to consider.</p>
        """;

    private static string Extract(string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><body>{body}</body></html>" }).Text;

    [Fact]
    public void A_streamed_boundary_shows_its_segment_instead_of_the_fallback()
    {
        var text = Extract($$"""
            <main><h1>Tram line approved</h1><p>The decision ends a long debate in the city about how to link the suburbs to the centre.</p>
            <!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->
            <p>Opponents said they would keep campaigning for a bus lane instead, which they consider cheaper and faster to build.</p></main>
            <div hidden id="S:0"><div class="body">{{Paragraphs}}</div></div>
            <script>$RC=function(b,c){};$RC("B:0","S:0")</script>
            """);

        Assert.Contains("approved the new tram line", text, StringComparison.Ordinal);
        Assert.Contains("Shopkeepers along the avenue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading paragraph", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("link the suburbs", StringComparison.Ordinal) < text.IndexOf("approved the new tram line", StringComparison.Ordinal), text);
        Assert.True(text.IndexOf("Shopkeepers", StringComparison.Ordinal) < text.IndexOf("keep campaigning", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_streamed_placeholder_takes_its_segment()
    {
        var text = Extract($$"""
            <article><h1>Tram line approved</h1><template id="P:1"></template></article>
            <div hidden id="S:1">{{Paragraphs}}</div>
            <script>$RS=function(a,b){};$RS("S:1","P:1")</script>
            """);

        Assert.Contains("eleven-kilometre route", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_block_without_a_streaming_call_stays_hidden()
    {
        var text = Extract($$"""
            <article><h1>Tram line approved</h1>{{Paragraphs}}</article>
            <div hidden id="S:2"><p>This draft paragraph about the budget was never published and must not be read as the article.</p></div>
            """);

        Assert.Contains("eleven-kilometre route", text, StringComparison.Ordinal);
        Assert.DoesNotContain("draft paragraph", text, StringComparison.Ordinal);
    }
}
