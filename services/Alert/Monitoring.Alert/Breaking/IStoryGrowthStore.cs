namespace Monitoring.Alert.Breaking;

/// <summary>The first time an outlet carried a story, under the story's topic.</summary>
public sealed record OutletArrival(string StoryId, string Outlet, string Topic, string ArticleId, DateTimeOffset At);

/// <summary>A story as growth detection knows it: its topic (fixed by its first article), when it was first seen, and whether it broke.</summary>
public sealed record StoryGrowth(string StoryId, string Topic, DateTimeOffset FirstSeenAt, BreakingStory? Breaking);

/// <summary>How fast a topic's stories grow: outlet arrivals over the story-windows (story and aligned window) that had any.</summary>
public sealed record TopicRate(int Arrivals, int StoryWindows)
{
    public double PerWindow => StoryWindows == 0 ? 0 : (double)Arrivals / StoryWindows;
}

public interface IStoryGrowthStore
{
    /// <summary>
    /// Records the outlet's first arrival on the story (unique by story and outlet: a second copy or a redelivery adds
    /// nothing) and the story itself on its first arrival (unique by story: its topic is the first article's); returns the story.
    /// </summary>
    Task<StoryGrowth> RecordAsync(OutletArrival arrival, CancellationToken cancellationToken);

    /// <summary>Outlets that first carried the story at or after <paramref name="since"/>.</summary>
    Task<int> NewOutletsAsync(string storyId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Arrivals on stories of <paramref name="topic"/> (every topic when null) in [<paramref name="from"/>, <paramref name="to"/>), over the story-windows of <paramref name="window"/> (aligned to the epoch) they fall in.</summary>
    Task<TopicRate> RateAsync(string? topic, DateTimeOffset from, DateTimeOffset to, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>When each outlet first carried the story, oldest first.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ArrivalsAsync(string storyId, CancellationToken cancellationToken);

    /// <summary>Marks the story breaking unless it already is (a compare-and-set): true for the one call that marked it.</summary>
    Task<bool> TryMarkBreakingAsync(BreakingStory breaking, CancellationToken cancellationToken);

    /// <summary>Forgets arrivals before <paramref name="before"/> and stories first seen before it.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
