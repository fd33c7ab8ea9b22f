using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Monitoring.Contracts;

namespace Monitoring.Alert.Breaking;

/// <summary>
/// Counts, for every story, the outlets that carried it and when, and marks it breaking (once) when it gains outlets
/// faster than its topic's stories normally do: in the last hour against the trailing day, or in the last day against
/// the trailing two weeks (<see cref="BreakingOptions"/>). A topic's normal rate changes only as its windows roll, so
/// it is computed once per window and kept.
/// </summary>
public sealed class BreakingDetector(IStoryGrowthStore store, IOptions<AlertOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<(string? Topic, TimeSpan Window, DateTimeOffset Start), TopicRate> _rates = new();
    private long _prunedDay = -1;

    private BreakingOptions Options => options.Value.Breaking;

    /// <summary>The story's breaking record when it is breaking (now or since earlier); null otherwise, or when the article names no outlet.</summary>
    public async Task<BreakingStory?> DetectAsync(ArticleClassified article, CancellationToken cancellationToken)
    {
        if (OutletOf(article) is not { } outlet) return null;
        var now = clock.GetUtcNow();
        await PruneOnceADayAsync(now, cancellationToken);
        var storyId = string.IsNullOrWhiteSpace(article.StoryId) ? article.ArticleId : article.StoryId;
        var topic = article.Topics.OrderByDescending(t => t.Score).ThenBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault()?.Id ?? "none";
        var story = await store.RecordAsync(new OutletArrival(storyId, outlet, topic, article.ArticleId, now), cancellationToken);
        if (story.Breaking is not null) return story.Breaking;

        var breaking = await CheckAsync(story, article.ArticleId, "hour", Hour, Options.HourlyBaseline, Options.MinNewOutletsPerHour, now, cancellationToken)
            ?? await CheckAsync(story, article.ArticleId, "day", Day, Options.DailyBaseline, Options.MinNewOutletsPerDay, now, cancellationToken);
        if (breaking is null) return null;
        await store.TryMarkBreakingAsync(breaking, cancellationToken);
        return breaking;
    }

    private async Task<BreakingStory?> CheckAsync(
        StoryGrowth story, string articleId, string name, TimeSpan window, TimeSpan baseline, int minimum, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var gained = await store.NewOutletsAsync(story.StoryId, now - window, cancellationToken);
        if (gained < minimum) return null;
        var (topic, rate) = await NormalRateAsync(story.Topic, window, baseline, now, cancellationToken);
        var normal = rate.StoryWindows >= Options.MinBaselineWindows ? rate.PerWindow : 1.0;
        if (gained < Options.Ratio * normal) return null;

        // The record is one snapshot: an outlet another consumer adds meanwhile is counted in both the gain and the curve, or in neither.
        var arrivals = await store.ArrivalsAsync(story.StoryId, cancellationToken);
        gained = Math.Max(gained, arrivals.Count(at => at >= now - window));
        var span = name == "hour" ? $"trailing {baseline.TotalHours:0} h, {rate.StoryWindows} story-hours" : $"trailing {baseline.TotalDays:0} days, {rate.StoryWindows} story-days";
        return new BreakingStory
        {
            StoryId = story.StoryId, Topic = topic, Window = name, NewOutlets = gained, NormalRate = Math.Round(normal, 2), BaselineWindows = rate.StoryWindows,
            Outlets = arrivals.Count, DetectedAt = now, ArticleId = articleId, Curve = GrowthCurve.Hourly(arrivals, now, Options.CurveHours),
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{gained} new outlets in the last {name}; {topic} stories normally gain {normal:0.0} in {(name == "hour" ? "an" : "a")} {name} in which they grow ({span})"),
        };
    }

    /// <summary>The topic's rate over the baseline before the current aligned window, or every topic's when the topic has too little history.</summary>
    private async Task<(string Topic, TopicRate Rate)> NormalRateAsync(string topic, TimeSpan window, TimeSpan baseline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var end = GrowthCurve.WindowOf(now, window);
        var rate = await RateAsync(topic, window, end - baseline, end, cancellationToken);
        return rate.StoryWindows >= Options.MinBaselineWindows ? (topic, rate) : ("all", await RateAsync(null, window, end - baseline, end, cancellationToken));
    }

    private async Task<TopicRate> RateAsync(string? topic, TimeSpan window, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (_rates.TryGetValue((topic, window, to), out var cached)) return cached;
        if (_rates.Count > 10_000) _rates.Clear();
        var rate = await store.RateAsync(topic, from, to, window, cancellationToken);
        _rates[(topic, window, to)] = rate;
        return rate;
    }

    /// <summary>The outlet is the article's source, else its URL's host; an article with neither cannot count as one.</summary>
    public static string? OutletOf(ArticleClassified article)
    {
        if (!string.IsNullOrWhiteSpace(article.Source)) return article.Source.Trim().ToLowerInvariant();
        return Uri.TryCreate(article.Url, UriKind.Absolute, out var url) ? url.Host.ToLowerInvariant() : null;
    }

    private async Task PruneOnceADayAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = now.UtcTicks / TimeSpan.TicksPerDay;
        if (Interlocked.Exchange(ref _prunedDay, day) == day) return;
        await store.PruneAsync(now - Options.DailyBaseline - TimeSpan.FromDays(2), cancellationToken);
    }
}
