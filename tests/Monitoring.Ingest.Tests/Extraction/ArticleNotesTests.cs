using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// What a page prints beside the article's sentences without being them: a typed rule before appended notes, reading
/// times, affiliate disclosures, source credits and footnote marks; and a declared title that writes "&amp;" for "and".
/// </summary>
public sealed class ArticleNotesTests
{
    internal const string Paragraphs = """
        <p>Cut back the old canes in late winter, just above an outward-facing bud, with a clean and sharp pair of secateurs.</p>
        <p>Remove any dead or crossing stems first, then shape the plant so that air can move freely through its centre.</p>
        <p>Feed the bed with well-rotted manure in early spring and water deeply once a week through the first dry spell.</p>
        """;

    private static string Extract(string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><body><article><h1>Pruning roses</h1>{body}</article></body></html>" }).Text;

    [Fact]
    public void A_typed_rule_past_the_first_third_ends_the_article()
    {
        var text = Extract(Paragraphs + """
            <p>****************************************</p>
            <p>Tell us about your own garden! We are collecting readers' stories for a series and would love to hear from you soon.</p>
            <p>Follow the show on every podcast app and send this episode to three friends who grow roses of their own.</p>
            """);

        Assert.Contains("first dry spell", text, StringComparison.Ordinal);
        Assert.DoesNotContain("readers' stories", text, StringComparison.Ordinal);
        Assert.DoesNotContain("****", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spaced_section_break_does_not_end_the_article()
    {
        var text = Extract(Paragraphs + """
            <p>* * *</p>
            <p>By midsummer the first flush is over, and deadheading every faded bloom keeps the next one coming until autumn.</p>
            """);

        Assert.Contains("deadheading every faded bloom", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashes_in_a_table_cell_or_a_code_listing_are_data()
    {
        var text = Extract(Paragraphs + """
            <table><tr><td>Climbing rose</td><td>March</td></tr><tr><td>----------</td></tr><tr><td>Rambler</td><td>August</td></tr></table>
            <pre>----------</pre>
            <p>Ramblers flower once, on the previous year's growth, so they are pruned straight after flowering in late summer.</p>
            """);

        Assert.Contains("Rambler | August", text, StringComparison.Ordinal);
        Assert.Contains("pruned straight after flowering", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_times_affiliate_disclosures_and_source_and_image_credits_are_not_text()
    {
        var text = Extract("""
            <p>6 min read</p>
            <p>This post contains affiliate links, and we may earn a small commission at no cost to you.</p>
            """ + Paragraphs + """
            <p>Source: gardenstats.example</p>
            <p>Lesezeit: 5 Min.</p>
            <p>Cet article contient des liens d'affiliation.</p>
            <p>Image from our March 2024 visit to the rose garden.</p>
            <p>Courtesy of the nursery</p>
            """);

        Assert.Contains("outward-facing bud", text, StringComparison.Ordinal);
        Assert.DoesNotContain("min read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("affiliate links", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gardenstats", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lesezeit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("liens d'affiliation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Image from", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Courtesy of", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_about_affiliates_long_sources_and_long_courtesy_lines_stay()
    {
        var text = Extract(Paragraphs + """
            <p>Affiliate programmes pay a garden blogger a commission when readers buy seeds through their links.</p>
            <p>Source: the national survey of allotment holders published by the horticultural society in 2024.</p>
            <p>The 15 minutes read aloud at the start of each workshop are taken from the society's old pruning manual.</p>
            <p>Courtesy of the head gardener, every visitor left with a cutting of the old rose that grows over the gate.</p>
            """);

        Assert.Contains("Affiliate programmes pay", text, StringComparison.Ordinal);
        Assert.Contains("Source: the national survey", text, StringComparison.Ordinal);
        Assert.Contains("The 15 minutes read aloud", text, StringComparison.Ordinal);
        Assert.Contains("Courtesy of the head gardener", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_footnote_mark_is_not_read_into_the_sentence()
    {
        var text = Extract("""
            <p>Most climbing roses flower on wood made the previous year<sup class="fn"><a href="#note-2">2</a></sup>, so prune them lightly.</p>
            <p>The garden covers 40 m<sup>2</sup> and gets six hours of sun a day, which suits most old varieties of shrub rose.</p>
            """ + Paragraphs);

        Assert.Contains("the previous year, so prune them lightly.", text, StringComparison.Ordinal);
        Assert.Contains("40 m2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raised_note_symbol_after_a_word_is_not_read_but_the_note_keeps_its_own()
    {
        var text = Extract("""
            <p>A mature climber needs about ten litres of water a week<sup>*</sup>, more in a dry summer or on a sunny wall.</p>
            """ + Paragraphs + """
            <p><sup>*</sup>Measured on a loam soil; sandy beds drain faster and need watering twice as often in July.</p>
            """);

        Assert.Contains("ten litres of water a week, more in a dry summer", text, StringComparison.Ordinal);
        Assert.Contains("*Measured on a loam soil", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_title_writing_an_ampersand_for_the_h1s_and_is_the_title()
    {
        var article = new ArticleExtractor().Extract(new ArticleSubmission
        {
            Html = $"""
                <html><head><meta property="og:title" content="Pruning Roses: A Guide for Beginners &amp; Experts"></head>
                <body><article><h1>Pruning Roses: A Guide for Beginners and Experts</h1>{Paragraphs}</article></body></html>
                """,
        });
        var different = new ArticleExtractor().Extract(new ArticleSubmission
        {
            Html = $"""
                <html><head><meta property="og:title" content="Pruning Roses: A Guide for Beginners &amp; Experts"></head>
                <body><article><h1>Pruning Roses: A Guide for Beginners and Gardeners</h1>{Paragraphs}</article></body></html>
                """,
        });

        Assert.Equal("Pruning Roses: A Guide for Beginners & Experts", article.Title);
        Assert.Equal("Pruning Roses: A Guide for Beginners and Gardeners", different.Title);
    }
}
