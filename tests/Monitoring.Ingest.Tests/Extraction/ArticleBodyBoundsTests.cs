using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>The declared schema.org articleBody bounds the text read from the page: nothing before its start or after its end.</summary>
public sealed class ArticleBodyBoundsTests
{
    private const string First = "The harbour authority opened the new container terminal on Monday after four years of building work.";
    private const string Second = "It doubles the port's capacity and is expected to bring two hundred permanent jobs to the town.";
    private const string Third = "Fishermen, who lost part of their quay to the project, will move to a rebuilt basin next summer.";
    private const string Promo = "Join thousands of readers who get our weekly digest of maritime news delivered straight to their inbox every Friday.";

    private static string Extract(string articleBody) =>
        new ArticleExtractor().Extract(new ArticleSubmission
        {
            Html = $$"""
                <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Terminal opens","articleBody":"{{articleBody}}"}</script></head>
                <body><article><h1>Terminal opens</h1><p>{{First}}</p><p>{{Second}}</p>
                <p>A paragraph the declared text lacks, written later by the editors, still sits between two of its own.</p>
                <p>{{Third}}</p><p>{{Promo}}</p></article></body></html>
                """,
        }).Text;

    [Fact]
    public void Text_after_the_declared_body_ends_is_not_the_article()
    {
        var text = Extract($"{First} {Second} {Third}");

        Assert.Contains("rebuilt basin", text, StringComparison.Ordinal);
        Assert.Contains("written later by the editors", text, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly digest", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_declared_body_does_not_bound_the_text()
    {
        var text = Extract("The harbour authority opened the new container terminal on Monday.");

        Assert.Contains("rebuilt basin", text, StringComparison.Ordinal);
        Assert.Contains("weekly digest", text, StringComparison.Ordinal);
    }
}
