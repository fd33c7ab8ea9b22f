using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>An author box marked as a schema.org Person, or printing the bio JSON-LD declares for one, is not the article; a byline's inline Person name is no box.</summary>
public sealed class AuthorBoxTests
{
    private static string Extract(string body) =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><body><article><h1>Pruning roses</h1>{body}</article></body></html>" }).Text;

    [Fact]
    public void A_person_block_after_the_post_is_an_author_box()
    {
        var text = Extract("""
            <p>Cut back the old canes in late winter, just above an outward-facing bud, with a clean and sharp pair of secateurs.</p>
            <p>Remove any dead or crossing stems first, then shape the plant so that air can move freely through its centre.</p>
            <section itemscope itemtype="https://schema.org/Person"><p>Maria Lindqvist has grown roses in her allotment for twenty years and writes a column for gardeners who are just starting out.</p></section>
            """);

        Assert.Contains("outward-facing bud", text, StringComparison.Ordinal);
        Assert.DoesNotContain("allotment for twenty years", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bio_the_json_ld_declares_for_a_person_is_an_author_box_wherever_it_is_printed()
    {
        const string Graph = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"BlogPosting","headline":"Pruning roses","author":{"@id":"#maria"}},
              {"@type":"Person","@id":"#maria","name":"Maria Lindqvist","description":"Maria Lindqvist has grown roses in her allotment for twenty years and writes for beginners."}]}</script>
            """;
        var text = new ArticleExtractor().Extract(new ArticleSubmission
        {
            Html = $$"""
                <html><head>{{Graph}}</head><body><article><h1>Pruning roses</h1>
                <p>Cut back the old canes in late winter, just above an outward-facing bud, with a clean and sharp pair of secateurs.</p>
                <p>Remove any dead or crossing stems first, then shape the plant so that air can move freely through its centre.</p>
                <div class="writer"><p>Maria Lindqvist has grown roses in her allotment for twenty years and writes for beginners.</p></div>
                <p>Maria Lindqvist has grown roses since her grandmother gave her a cutting of an old damask rose.</p>
                </article></body></html>
                """,
        }).Text;

        Assert.Contains("outward-facing bud", text, StringComparison.Ordinal);
        Assert.DoesNotContain("writes for beginners", text, StringComparison.Ordinal);
        Assert.Contains("gave her a cutting", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_person_name_in_a_sentence_stays()
    {
        var text = Extract("""
            <p>Cut back the old canes in late winter, as <span itemscope itemtype="https://schema.org/Person">Maria Lindqvist</span> advises, just above an outward-facing bud.</p>
            <p>Remove any dead or crossing stems first, then shape the plant so that air can move freely through its centre.</p>
            """);

        Assert.Contains("as Maria Lindqvist advises", text, StringComparison.Ordinal);
    }

    private const string Steps = """
        <p>Cut back the old canes in late winter, just above an outward-facing bud, with a clean and sharp pair of secateurs.</p>
        <p>Remove any dead or crossing stems first, then shape the plant so that air can move freely through its centre.</p>
        <p>Feed the plant after pruning and water it well, so that the new shoots have what they need in spring.</p>
        """;

    [Fact]
    public void A_closing_paragraph_that_introduces_the_byline_author_is_an_author_box()
    {
        var text = Extract($$"""
            <p class="byline">By Maria Lindqvist</p>
            {{Steps}}
            <p>Maria Lindqvist is a garden writer who has grown roses in her allotment for twenty years and teaches beginners.</p>
            """);

        Assert.Contains("new shoots", text, StringComparison.Ordinal);
        Assert.DoesNotContain("garden writer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_line_over_a_closing_paragraph_that_opens_with_it_is_an_author_box()
    {
        var text = Extract($$"""
            {{Steps}}
            <div><div>Tomas Berg</div><p>Tomas Berg has written about fruit trees and roses for a regional newspaper since the late nineties.</p></div>
            """);

        Assert.Contains("new shoots", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tomas Berg", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_the_article_is_about_stays_when_more_text_follows()
    {
        var text = Extract($$"""
            <p class="byline">By Maria Lindqvist</p>
            {{Steps}}
            <h2>Tomas Berg</h2>
            <p>Tomas Berg is the head gardener of the rose collection and prunes four hundred shrubs every February.</p>
            <p>He starts with the climbers on the south wall, because they wake first, and leaves the old shrub roses for last.</p>
            """);

        Assert.Contains("Tomas Berg is the head gardener", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_byline_authors_bio_under_its_own_label_goes_and_the_section_after_it_stays()
    {
        var text = Extract($$"""
            <p class="byline">By Maria Lindqvist</p>
            {{Steps}}
            <h3>Who wrote this?</h3>
            <p>Maria Lindqvist is a garden writer who has grown roses in her allotment for twenty years and teaches beginners.</p>
            <h2>Questions readers ask</h2>
            <p>Can I prune in autumn? Only lightly: cut long stems by a third so that winter winds do not rock the roots loose.</p>
            """);

        Assert.DoesNotContain("garden writer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Who wrote this?", text, StringComparison.Ordinal);
        Assert.Contains("winter winds", text, StringComparison.Ordinal);
    }
}
