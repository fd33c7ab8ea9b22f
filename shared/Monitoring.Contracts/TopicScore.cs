namespace Monitoring.Contracts;

/// <summary>A taxonomy topic an article was tagged with and the score that passed the topic's threshold.</summary>
public sealed record TopicScore
{
    public required string Id { get; init; }
    public required double Score { get; init; }
}
