namespace Monitoring.Ingest.Extraction;

/// <summary>
/// An article as it arrives, before extraction: exactly one of <see cref="Text"/> or <see cref="Html"/>. It is the JSON
/// body of <c>POST /api/articles</c> and of each batch line, and what feeds, fetched pages and the drop folder hand in.
/// </summary>
public sealed record ArticleSubmission
{
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Text { get; init; }
    public string? Html { get; init; }
}
