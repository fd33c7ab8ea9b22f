namespace Monitoring.Ingest.Extraction;

/// <summary>An article as it arrives, before extraction: exactly one of <see cref="Text"/> or <see cref="Html"/>.</summary>
public sealed record ArticleSubmission
{
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Text { get; init; }
    public string? Html { get; init; }
}
