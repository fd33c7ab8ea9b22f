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

    [Theory]
    [InlineData("<span class=\"sr-only\">Opens in a new window</span>")]
    [InlineData("<span class=\"visually-hidden\">Opens in a new window</span>")]
    [InlineData("<span class=\"screen-reader-text\">Opens in a new window</span>")]
    public void Text_for_screen_readers_only_is_not_read(string hidden)
    {
        var text = ExtractionPages.Article(ExtractionPages.Paragraphs.Replace("the old quay", "the old quay " + hidden));

        Assert.Contains("the old quay every Saturday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("new window", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("- Anzeige -")]
    [InlineData("Publicidad")]
    [InlineData("Publicité")]
    [InlineData("Реклама")]
    public void An_ad_label_alone_on_its_line_is_not_read(string label)
    {
        var text = ExtractionPages.Article(ExtractionPages.Paragraphs.Replace("<p>Fishing", $"<p>{label}</p><p>Fishing"));

        Assert.Contains("Fishing boats", text, StringComparison.Ordinal);
        Assert.DoesNotContain(label.Trim('-', ' '), text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_advertisement_named_in_a_sentence_is_text()
    {
        var text = ExtractionPages.Article(ExtractionPages.Paragraphs + "<p>Advertisement for the ferry line ran in every paper.</p>");

        Assert.Contains("Advertisement for the ferry line", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_row_whose_cells_break_lines_is_one_row()
    {
        var text = ExtractionPages.Article(ExtractionPages.Paragraphs + """
            <table><tr><th>Berth</th><th>Use</th></tr><tr><td>Inner quay<br>north side</td><td>Fishing boats<br>and yachts</td></tr></table>
            """);

        Assert.Contains("Inner quay north side | Fishing boats and yachts", text, StringComparison.Ordinal);
    }
}
