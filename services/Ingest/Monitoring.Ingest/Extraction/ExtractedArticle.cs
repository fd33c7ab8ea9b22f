namespace Monitoring.Ingest.Extraction;

public sealed record ExtractedArticle(string? Title, string Text, string Language, string? CanonicalUrl, DateTimeOffset? PublishedAt)
{
    /// <summary>Who wrote it, as the page names them ("Jane Doe, John Roe"); null when the page does not say.</summary>
    public string? Byline { get; init; }

    /// <summary>
    /// Which candidate the body came from: <c>readability</c>, <c>paragraphs</c>, <c>article</c>, <c>jsonld</c> for HTML,
    /// <c>text</c> for plain text; so that failures can be studied by strategy.
    /// </summary>
    public string Method { get; init; } = "text";
}
