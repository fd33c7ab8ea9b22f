using Monitoring.Contracts;

namespace Monitoring.Alert.Sides;

/// <summary>A story's meetings: each pair of countries it codes events between in both directions on one day.</summary>
public sealed record StorySides
{
    public required string StoryId { get; init; }
    public required IReadOnlyList<MeetingSides> Meetings { get; init; }
}

/// <summary>
/// One meeting (a pair with events A→B and B→A on one UTC day) as each side's outlets told it: an account per side
/// (<c>A</c>, <c>B</c>, then <c>others</c> for third-country and unlisted outlets), and what each of the two sides
/// reports that the other does not.
/// </summary>
public sealed record MeetingSides
{
    /// <summary>"CHN-RUS".</summary>
    public required string Pair { get; init; }

    public required DateOnly Day { get; init; }
    public required IReadOnlyList<SideAccount> Accounts { get; init; }
    public required IReadOnlyList<SideDifference> Differences { get; init; }
}

/// <summary>What the outlets of one side (a country of the pair, or <see cref="Others"/>) reported of the meeting.</summary>
public sealed record SideAccount
{
    public const string Others = "others";

    /// <summary>The outlets' country (ISO 3166-1 alpha-3), or <c>others</c>.</summary>
    public required string Side { get; init; }

    public required IReadOnlyList<AccountArticle> Articles { get; init; }

    /// <summary>The events between the pair its articles code, each once (source, target, code), with the outlets that reported it.</summary>
    public required IReadOnlyList<ReportedEvent> Events { get; init; }

    /// <summary>The people and organisations its articles name.</summary>
    public required IReadOnlyList<ArticleActor> Actors { get; init; }
}

/// <summary>An article of an account: the first article of its story to code the pair's events that day.</summary>
public sealed record AccountArticle
{
    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }

    /// <summary>The outlet as ingest names it; null when the alert service no longer holds the article (older than its retention).</summary>
    public string? Outlet { get; init; }

    public string? Title { get; init; }
    public string? Url { get; init; }
}

public sealed record ReportedEvent
{
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required string Cameo { get; init; }

    /// <summary>The code's name in the CAMEO codebook: "sign formal agreement".</summary>
    public required string Name { get; init; }

    /// <summary>A promise: an intent to cooperate (CAMEO 03x) or a formal agreement signed (057).</summary>
    public bool Commitment { get; init; }

    public IReadOnlyList<string> Outlets { get; init; } = [];
}

/// <summary>What the outlets of <see cref="Side"/> report that those of <see cref="Other"/> do not.</summary>
public sealed record SideDifference
{
    public required string Side { get; init; }
    public required string Other { get; init; }

    /// <summary>The other side's outlets have no account of the meeting: everything this side reports is its alone.</summary>
    public bool OtherSilent { get; init; }

    public required IReadOnlyList<ReportedEvent> Commitments { get; init; }

    /// <summary>Events that are not commitments.</summary>
    public required IReadOnlyList<ReportedEvent> Events { get; init; }

    public required IReadOnlyList<ArticleActor> Actors { get; init; }

    /// <summary>"Only CHN outlets report: 2 commitments (RUS→CHN 0313 express intent to cooperate on judicial matters, …); …".</summary>
    public required string Summary { get; init; }
}
