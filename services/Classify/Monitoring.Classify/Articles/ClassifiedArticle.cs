using Monitoring.Contracts;

namespace Monitoring.Classify.Articles;

/// <summary>What classify stores per article: the tags and where the article came from, unique by article id.</summary>
public sealed record ClassifiedArticle
{
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }
    public required DateTimeOffset ClassifiedAt { get; init; }
    public required IReadOnlyList<TopicScore> Topics { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }

    /// <summary>Countries, organisations and people named, with mentions (null in documents stored before actors existed).</summary>
    public IReadOnlyList<ArticleEntity>? Entities { get; init; }
}
