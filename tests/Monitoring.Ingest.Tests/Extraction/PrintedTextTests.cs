namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// What the page prints for one kind of reader or one kind of screen rather than as the article's words: text for
/// screen readers only, permalink marks beside headings, ad labels, placeholder text; and what the layout splits
/// that is one thing: a drop cap and its word, a table row with line breaks or paragraphs in its cells, a row opening
/// with a one-character cell; the numbers a browser prints before the items of an ordered list; links that only run a
/// script ("hide").
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
    [InlineData("<p>The new berths <span class=\"sr-only\">(opens in a new window)</span>open today.</p>", "new window")]
    [InlineData("<p class=\"visually-hidden\">Skip to the weather for sailors</p>", "Skip to the weather")]
    [InlineData("<div class=\"screen-reader-text\">Skip to the weather for sailors</div>", "Skip to the weather")]
    [InlineData("<p>Advertisement</p>", "Advertisement")]
    [InlineData("<p>- Anzeige -</p>", "Anzeige")]
    [InlineData("<p>Publicidad</p>", "Publicidad")]
    [InlineData("<p>Publicité</p>", "Publicité")]
    [InlineData("<p>Реклама</p>", "Реклама")]
    public void Screen_reader_text_and_ad_labels_are_not_read(string markup, string dropped)
    {
        var lines = ExtractionPages.Article(ExtractionPages.Paragraphs.Replace("<p>Fishing", markup + "<p>Fishing")).Split('\n');

        Assert.Contains(lines, line => line.StartsWith("Fishing boats", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(dropped, StringComparison.Ordinal));
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

    [Fact]
    public void A_rows_first_cell_of_one_character_is_a_cell_of_its_own()
    {
        var lines = ExtractionPages.Article(ExtractionPages.Paragraphs + """
            <table><tr><th>#</th><th>Berth</th><th>Boats</th></tr><tr><td>1</td><td>Inner quay</td><td>40</td></tr><tr><td>2</td><td>Outer quay</td><td>12</td></tr></table>
            """).Split('\n');

        Assert.Contains("1 | Inner quay | 40", lines);
        Assert.Contains("2 | Outer quay | 12", lines);
    }

    [Fact]
    public void A_data_cells_paragraphs_are_its_words_but_a_one_cell_boxs_paragraphs_are_lines()
    {
        var text = ExtractionPages.Article(ExtractionPages.Paragraphs + """
            <table><tr><td><p>Inner quay</p><p>north side</p></td><td><p>Fishing boats</p></td></tr>
              <tr><td><p>Outer quay</p></td><td><p>Ferries</p><p>and cargo ships</p></td></tr></table>
            <table><tr><td><p>The quay opened on Monday after two years of dredging work in the harbour.</p>
              <p>Ferries will use the deep water outside the new breakwater from the spring onwards.</p></td></tr></table>
            """);

        Assert.Contains("Inner quay north side | Fishing boats", text, StringComparison.Ordinal);
        Assert.Contains("Outer quay | Ferries and cargo ships", text, StringComparison.Ordinal);
        Assert.Contains("in the harbour.\nFerries will use", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordered_lists_items_carry_the_numbers_the_browser_prints()
    {
        var lines = ExtractionPages.Article(ExtractionPages.Paragraphs + """
            <ol><li>Moor on the inner side of the quay</li><li><p>Report to the harbour master's office</p></li></ol>
            <ol start="3"><li><h3>Pay the mooring fee</h3></li></ol>
            <ol reversed><li>Ferries</li><li>Cargo ships</li></ol>
            <ul><li>Fishing boats</li></ul>
            <ol style="list-style: none"><li>Yachts</li></ol>
            <ol><li>1 hour free for visitors</li></ol>
            """).Split('\n');

        Assert.Contains("1. Moor on the inner side of the quay", lines);
        Assert.Contains("2. Report to the harbour master's office", lines);
        Assert.Contains("3. Pay the mooring fee", lines);
        Assert.Contains("2. Ferries", lines);
        Assert.Contains("1. Cargo ships", lines);
        Assert.Contains("Fishing boats", lines);
        Assert.Contains("Yachts", lines);
        Assert.Contains("1 hour free for visitors", lines);
    }

    [Fact]
    public void A_link_going_nowhere_with_a_word_or_two_is_a_control_but_longer_linked_text_is_read()
    {
        var lines = ExtractionPages.Article(ExtractionPages.Paragraphs + """
            <div><b>Berths</b> <a href="#">hide</a></div>
            <p>Ask at the office for <a href="javascript:void(0)">show all</a> a berth on the outer side.</p>
            <p><a href="#">The outer berths are kept for ferries and the larger cargo ships in winter.</a></p>
            """).Split('\n');

        Assert.Contains("Berths", lines);
        Assert.Contains("Ask at the office for a berth on the outer side.", lines);
        Assert.Contains("The outer berths are kept for ferries and the larger cargo ships in winter.", lines);
    }

    [Theory]
    [InlineData("<a href=\"#berths\" class=\"anchor\">#</a>")]
    [InlineData("<a href=\"#berths\">¶</a>")]
    [InlineData("<a href=\"#berths\" aria-label=\"Link to this section\">🔗</a>")]
    public void A_heading_permalink_mark_is_not_read(string mark)
    {
        var lines = ExtractionPages.Article(ExtractionPages.Paragraphs + $"<h2 id=\"berths\">The berths {mark}</h2>" + ExtractionPages.Paragraphs.Replace("The harbour", "Since then the harbour")).Split('\n');

        Assert.Contains("The berths", lines);
    }
}
