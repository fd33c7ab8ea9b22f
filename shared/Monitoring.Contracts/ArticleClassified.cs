namespace Monitoring.Contracts;

/// <summary>An article has been tagged, its events coded, and both stored. Business key: <see cref="ArticleId"/>.</summary>
public sealed record ArticleClassified
{
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public required string Text { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }
    public required DateTimeOffset ClassifiedAt { get; init; }

    public required IReadOnlyList<TopicScore> Topics { get; init; }

    /// <summary>ISO 3166-1 alpha-3 codes of the countries the article involves.</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    /// <summary>Countries, organisations and people the article names, with their mentions (absent from older publishers).</summary>
    public IReadOnlyList<ArticleEntity>? Entities { get; init; }
    /// <summary>Who did what to whom (CAMEO), sentence by sentence; null from publishers that do not code events.</summary>
    public IReadOnlyList<CodedEvent>? Events { get; init; }

    /// <summary>The countries, regions and cities the article names, resolved against the gazetteer, most named first; null from publishers that do not resolve places.</summary>
    public IReadOnlyList<GeoPlace>? Places { get; init; }
}
