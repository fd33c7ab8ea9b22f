using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// Questions and answers on pages built here: an accordion's header button is a heading of the article when the
/// panel it opens is shown, and an FAQ in a wrapper of its own beside the article's joins it.
/// </summary>
public sealed class AccordionTests
{
    private const string Body = ArticleNotesTests.Paragraphs + """
        <p>Mulch around the base after feeding, keeping the mulch a hand's width away from the stems to avoid rot, and weed often.</p>
        <p>Deadhead the faded blooms through the summer so that the plant puts its strength into new flowers rather than seed.</p>
        <p>In autumn, shorten the tallest stems by a third so that winter winds cannot rock the roots loose in the wet ground.</p>
        """;

    private static string Extract(string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><body>{body}</body></html>" }).Text;

    // The article in a CMS module of its own, the wrappers given after it in modules of theirs.
    private static string ExtractBeside(string articleEnd, params string[] wrappers) =>
        Extract($"""<div class="page"><h1>Pruning roses</h1><div class="module"><div class="post">{Body}{articleEnd}</div></div>{string.Concat(wrappers.Select(wrapper => $"<div class=\"module\">{wrapper}</div>"))}</div>""");

    [Fact]
    public void An_accordion_button_over_a_shown_panel_is_a_heading_and_other_buttons_are_not_read()
    {
        var text = Extract($$"""
            <article><h1>Pruning roses</h1>{{Body}}
              <h2>Questions</h2>
              <h3><button aria-expanded="true" aria-controls="a1">When should climbing roses be pruned?</button></h3>
              <div id="a1"><p>Climbers are pruned in autumn, once they have finished flowering, by tying in the new shoots.</p></div>
              <button aria-expanded="true">Do roses need feeding in summer?</button>
              <div><p>A second feed after the first flush of flowers keeps repeat-flowering roses going into autumn.</p></div>
              <button type="button" class="faq-toggle">Can old roses be moved safely?</button>
              <div><p>Move them when dormant, with as much root as you can lift, and water them in well after planting.</p></div>
              <h3><button aria-expanded="false" aria-controls="a4">Why do rose leaves turn yellow?</button></h3>
              <div id="a4" hidden><p>Yellow leaves with black spots are a fungal disease; remove them and keep the foliage dry.</p></div>
              <button aria-expanded="false">Share this article</button><div><a href="/x">X</a> <a href="/f">Facebook</a></div>
            </article>
            """);

        var lines = text.Split('\n');
        Assert.Contains("When should climbing roses be pruned?", lines);
        Assert.Contains("Do roses need feeding in summer?", lines);
        Assert.Contains("Can old roses be moved safely?", lines);
        Assert.Contains("Climbers are pruned in autumn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Why do rose leaves turn yellow?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this article", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_faq_wrapper_beside_the_articles_wrapper_joins_the_article()
    {
        var text = ExtractBeside(string.Empty, """
            <div class="questions"><h2>Frequently asked questions</h2>
              <h3>When should climbing roses be pruned?</h3><div>In autumn, after flowering, by tying in new shoots.</div>
              <h3>Do roses need feeding in summer?</h3><div>Yes: a second feed after the first flush of flowers.</div>
              <h3>Can old roses be moved safely?</h3><div>When dormant, with as much root as you can lift.</div>
            </div>
            """);

        Assert.Contains("first dry spell", text, StringComparison.Ordinal);
        Assert.Contains("Do roses need feeding in summer?", text, StringComparison.Ordinal);
        Assert.Contains("a second feed after the first flush", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_whose_answers_are_hidden_or_that_repeat_the_articles_headings_do_not_join()
    {
        var text = ExtractBeside(
            "<h2>When should roses be pruned?</h2><p>Late winter.</p><h2>What tools are needed?</h2><p>A pair of sharp bypass secateurs, a pruning saw for the thickest old stems, and thick leather gloves.</p>",
            """
            <div class="copy"><h2>When should roses be pruned?</h2><div>Late winter, just above an outward-facing bud, once the hardest frosts have passed and the buds begin to swell.</div>
              <h2>What tools are needed?</h2><div>Secateurs, a saw, gloves and a kneeling pad for the ground, all cleaned and sharpened before the first cut.</div></div>
            """,
            """
            <div class="questions">
              <details><summary>Why do rose leaves turn yellow?</summary><div aria-hidden="true">Yellow leaves with black spots are a fungal disease of roses.</div></details>
              <details><summary>How often should roses be watered?</summary><div aria-hidden="true">Deeply once a week in dry weather, at the roots, not on the leaves.</div></details>
            </div>
            """);

        Assert.Contains("first dry spell", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kneeling pad", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Why do rose leaves turn yellow?", text, StringComparison.Ordinal);
    }
}
