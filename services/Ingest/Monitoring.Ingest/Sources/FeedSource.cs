namespace Monitoring.Ingest.Sources;

/// <summary>An RSS or Atom feed ingest polls, and what happened the last times it did.</summary>
public sealed record FeedSource
{
    /// <summary>Lower-case slug chosen by the operator (<c>reuters-world</c>); the business key.</summary>
    public required string Id { get; init; }

    public required string Url { get; init; }
    public string? Name { get; init; }
    public required TimeSpan PollInterval { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>Where the definition came from: <c>api</c> or <c>config</c> (config sources are re-applied at start).</summary>
    public string Origin { get; init; } = "api";

    public required DateTimeOffset CreatedAt { get; init; }
    public SourceStatus Status { get; init; } = new();
}

/// <summary>What a source did: the operator's view (<c>GET /api/sources/{id}</c>) and the poller's memory (conditional GET, back-off).</summary>
public sealed record SourceStatus
{
    public DateTimeOffset? LastPolledAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>When the scheduler polls next; null means as soon as possible.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary><c>ok</c>, <c>not-modified</c> or <c>error</c>.</summary>
    public string? LastOutcome { get; init; }

    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }

    /// <summary>Items in the feed at the last successful poll, and how many of them were new.</summary>
    public int LastItemsSeen { get; init; }

    public int LastItemsNew { get; init; }
    public long TotalItemsSeen { get; init; }
    public long TotalItemsNew { get; init; }
    public long TotalErrors { get; init; }
    public long TotalPolls { get; init; }
    public string? ETag { get; init; }
    public DateTimeOffset? LastModified { get; init; }
}
