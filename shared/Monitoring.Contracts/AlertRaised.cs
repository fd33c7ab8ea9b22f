namespace Monitoring.Contracts;

/// <summary>A subscription matched an article and the alert was stored. Business key: <see cref="AlertId"/>.</summary>
public sealed record AlertRaised
{
    public required string AlertId { get; init; }
    public required string SubscriptionId { get; init; }
    public required string AnalystId { get; init; }
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }

    /// <summary>When the article entered the system, so delivery latency can be measured end to end.</summary>
    public required DateTimeOffset ArticleIngestedAt { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>
    /// Articles of the story counted when this was announced: 1 for the first, more for an update of a story already
    /// alerted (sent again when the subscription asks for updates). Null from publishers before updates were numbered.
    /// </summary>
    public int? ArticleCount { get; init; }

    /// <summary>For a <c>corroborated:N</c> subscription: the event and its provenance (outlets, syndicated copies, denials); null for a story alert.</summary>
    public EventCorroboration? Corroboration { get; init; }
}
