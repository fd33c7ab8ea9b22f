namespace Monitoring.Contracts;

/// <summary>One article's report of a corroborated event (or of its denial), with who carried it.</summary>
public sealed record CorroboratingReport
{
    /// <summary>The outlet as ingest names it: the submitting source, else the URL's host.</summary>
    public required string Outlet { get; init; }

    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }

    /// <summary>The CAMEO code as coded in this article ("174"; "016" for a denial).</summary>
    public required string Cameo { get; init; }

    /// <summary>When published (when ingested if the article gives no plausible time).</summary>
    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>A copy of a story an earlier report carried (same story id): counted once, for that earlier outlet.</summary>
    public bool Syndicated { get; init; }

    /// <summary>True when the outlet list says the outlet is state-owned or state-controlled; null when the outlet is not listed.</summary>
    public bool? StateAffiliated { get; init; }

    /// <summary>The outlet's country (ISO 3166 alpha-3) and ownership from the outlet list, when listed.</summary>
    public string? OutletCountry { get; init; }

    public string? Ownership { get; init; }
}
