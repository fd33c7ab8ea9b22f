namespace Monitoring.Contracts;

/// <summary>
/// An article has been tagged, its events coded, and both stored. Business key: <see cref="ArticleId"/>. Lean: it carries
/// what matching needs (text, topics with their matches, countries, <see cref="Actors"/>, <see cref="EventCodes"/>); the bulk
/// of the evidence (entity mentions, event sentences and offsets) is stored by classify and referenced by <see cref="EvidencePath"/>.
/// Publishers before the lean shape sent <see cref="Entities"/> and <see cref="Events"/> instead; consumers read either.
/// </summary>
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

    /// <summary>Topic ids and scores, with the matches that made them (what a subscription preview shows).</summary>
    public required IReadOnlyList<TopicScore> Topics { get; init; }

    /// <summary>ISO 3166-1 alpha-3 codes of the countries the article involves.</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    /// <summary>People and organisations the article names (null from publishers before the lean shape).</summary>
    public IReadOnlyList<ArticleActor>? Actors { get; init; }

    /// <summary>Its coded events, code and actors only (null from publishers before the lean shape or that do not code events).</summary>
    public IReadOnlyList<ArticleEventCode>? EventCodes { get; init; }

    /// <summary>
    /// Where the evidence is: the path on classify's API of the stored classification (<c>/api/classified-articles/{id}</c>,
    /// topic evidence and entity mentions); its coded events with their sentences are at <c>/api/events/coded</c>.
    /// </summary>
    public string? EvidencePath { get; init; }

    /// <summary>Deprecated, no longer sent: countries, organisations and people with their mentions (publishers before the lean shape).</summary>
    public IReadOnlyList<ArticleEntity>? Entities { get; init; }

    /// <summary>Deprecated, no longer sent: coded events with their evidence (publishers before the lean shape).</summary>
    public IReadOnlyList<CodedEvent>? Events { get; init; }

    /// <summary>The countries, regions and cities the article names, resolved against the gazetteer, most named first; null from publishers that do not resolve places.</summary>
    public IReadOnlyList<GeoPlace>? Places { get; init; }
}
