namespace Monitoring.Contracts;

/// <summary>An article's main text has been extracted, de-duplicated and accepted. Business key: <see cref="ArticleId"/>.</summary>
public sealed record ArticleIngested
{
    public required string ArticleId { get; init; }

    /// <summary>Shared by every copy of the same story across outlets.</summary>
    public required string StoryId { get; init; }

    /// <summary>SHA-256 of the normalised main text, hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Distinct outlets that had carried the story when this article was ingested (1 for a new story); null from older publishers.</summary>
    public int? OutletCount { get; init; }

    public required string Text { get; init; }
    public string? Title { get; init; }

    /// <summary>Who wrote it, as the page names them ("Jane Doe, John Roe"); null when the page does not say or from older publishers.</summary>
    public string? Byline { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }

    /// <summary>ISO 639-1 code, or "und" when undetermined.</summary>
    public required string Language { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }
}
