namespace Monitoring.Alert.Shifts;

/// <summary>
/// A coded event between two countries as a relation's balance counts it: once per story, actor pair and CAMEO code,
/// whatever the number of copies (syndicated or not) that report it. <see cref="Pair"/> is the two codes in
/// alphabetical order ("CHN-RUS"), whoever acted on whom.
/// </summary>
public sealed record RelationEvent
{
    public required string Pair { get; init; }
    public required string StoryId { get; init; }
    public required string ArticleId { get; init; }
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required string Cameo { get; init; }
    public required string Root { get; init; }
    public required int QuadClass { get; init; }
    public required double Goldstein { get; init; }

    /// <summary>The UTC day it counts on: the article's publication day when that lies in the windows, else the day it arrived.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>When it was first recorded: with <see cref="StoryId"/>, the order in which "first of its kind" is decided.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public string? Title { get; init; }
    public string? Url { get; init; }

    public static string PairOf(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a}-{b}" : $"{b}-{a}";
}
