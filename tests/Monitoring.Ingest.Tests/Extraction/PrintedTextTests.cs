namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// What the page prints for one kind of reader or one kind of screen rather than as the article's words: text for
/// screen readers only, permalink marks beside headings, ad labels, placeholder text; and what the layout splits
/// that is one thing: a drop cap and its word, a table row with line breaks in its cells.
/// </summary>
public sealed class PrintedTextTests
{
    [Fact]
    public void A_sibling_with_the_same_classes_in_another_order_joins_the_pick()
    {
        var text = ExtractionPages.Text($"""
            <div class="page"><h1>The new quay</h1>
            <div class="entry post">{ExtractionPages.Paragraphs}{ExtractionPages.Paragraphs}{ExtractionPages.Paragraphs}</div>
            <div class="post entry"><p>The second part of the story goes on in this wrapper here.</p></div>
            </div>
            """);

        Assert.Contains("every Saturday", text, StringComparison.Ordinal);
        Assert.Contains("second part of the story", text, StringComparison.Ordinal);
    }
}
