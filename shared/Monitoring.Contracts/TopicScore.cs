namespace Monitoring.Contracts;

/// <summary>A taxonomy topic an article was tagged with and the score that passed the topic's threshold.</summary>
public sealed record TopicScore
{
    public required string Id { get; init; }
    public required double Score { get; init; }

    /// <summary>The matches the score is made of (absent in messages from before evidence was added).</summary>
    public IReadOnlyList<MatchEvidence>? Evidence { get; init; }
}
