namespace Monitoring.Alert.Breaking;

/// <summary>One hour of a story's growth: the outlets that carried it for the first time that hour, and all so far.</summary>
public sealed record GrowthPoint
{
    public required DateTimeOffset Hour { get; init; }
    public required int NewOutlets { get; init; }
    public required int Outlets { get; init; }
}

/// <summary>
/// A story that grew faster than its topic's normal rate, once per story: in which window (<c>hour</c> or <c>day</c>),
/// how many outlets it gained there against how many its topic's stories normally gain, and its growth curve.
/// </summary>
public sealed record BreakingStory
{
    public required string StoryId { get; init; }

    /// <summary>The topic whose normal rate it was measured against (its first article's best topic), or <c>all</c> when that topic had too little history.</summary>
    public required string Topic { get; init; }

    public required string Window { get; init; }
    public required int NewOutlets { get; init; }

    /// <summary>Outlets a story of the topic gains in a window in which it grows at all, on average over the trailing period.</summary>
    public required double NormalRate { get; init; }

    /// <summary>The story-windows that average is taken over.</summary>
    public required int BaselineWindows { get; init; }

    public required int Outlets { get; init; }
    public required string Summary { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
    public required string ArticleId { get; init; }

    /// <summary>Hour by hour from the story's first article to detection (the last <see cref="BreakingOptions.CurveHours"/> hours).</summary>
    public required IReadOnlyList<GrowthPoint> Curve { get; init; }
}
