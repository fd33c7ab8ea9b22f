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

    /// <summary>When <c>ArticleIngested</c> went out; null until then, so a crash between store and publish is repaired by the next submission.</summary>
    public DateTimeOffset? AnnouncedAt { get; init; }
}
