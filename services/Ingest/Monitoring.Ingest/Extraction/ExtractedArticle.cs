namespace Monitoring.Ingest.Extraction;

public sealed record ExtractedArticle(string? Title, string Text, string Language, string? CanonicalUrl, DateTimeOffset? PublishedAt)
{
    /// <summary>Who wrote it, as the page names them ("Jane Doe, John Roe"); null when the page does not say.</summary>
    public string? Byline { get; init; }
}
