using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// How the article's first words are read, on pages built here: a drop cap printed in an element of its own, inside or
/// just before the body's wrapper.
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
}
