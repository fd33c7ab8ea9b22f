namespace Monitoring.Ingest.Articles;

public sealed record StoredArticle
{
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public required string ContentHash { get; init; }
    public required string Text { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>
    /// When <c>ArticleIngested</c> was written to the outbox, in the same transaction as the article: from then on it
    /// cannot be lost (the outbox's dispatcher publishes what the request could not). Null only in rows of versions
    /// before the outbox that died between storing and publishing; the next submission of the article announces it.
    /// </summary>
    public DateTimeOffset? AnnouncedAt { get; init; }
}
