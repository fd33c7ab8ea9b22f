using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Alert.Breaking;
using Monitoring.Alert.Storage;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Breaking;

/// <summary>
/// Breaking stories on a fake clock: two weeks of a topic whose stories each gain one outlet an hour for three hours,
/// then stories that grow like them (never breaking), faster within an hour, or faster over a day.
/// </summary>
public sealed class BreakingDetectorTests
{
    private static readonly DateTimeOffset Today = new(2026, 6, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Today.AddDays(-14));
    private IStoryGrowthStore _store = null!;
    private BreakingDetector _detector = null!;
    private int _article;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BreakingDetector> WithTopicHistoryAsync()
    {
        _store = await StoreFactory.CreateSqliteAsync<SqliteStoryGrowthStore>();
        _detector = new BreakingDetector(_store, Options.Create(new AlertOptions()), _clock);
        for (var day = 0; day < 14; day++)
        {
            for (var hour = 8; hour <= 14; hour++)
            {
                for (var story = 0; story < 5; story++)
                {
                    var step = hour - 8 - story;
                    if (step is < 0 or > 2) continue;
                    _clock.SetUtcNow(Today.AddDays(day - 14).AddHours(hour).AddMinutes(story));
                    Assert.Null(await ArriveAsync($"d{day}-s{story}", $"outlet-{step}"));
                }
            }
        }

        return _detector;
    }

    private Task<BreakingStory?> ArriveAsync(string storyId, string outlet, string topic = "diplomacy") => _detector.DetectAsync(new ArticleClassified
    {
        ArticleId = $"a{++_article}", StoryId = storyId, Source = outlet, Text = "Generated.", Language = "en", IngestedAt = _clock.GetUtcNow(),
        ClassifiedAt = _clock.GetUtcNow(), Topics = [new TopicScore { Id = topic, Score = 5 }, new TopicScore { Id = "meetings-visits", Score = 2 }], Countries = [],
    }, Ct);

    [Fact]
    public async Task A_story_gaining_outlets_four_times_faster_than_its_topic_within_an_hour_breaks_once_with_its_growth_curve()
    {
        await WithTopicHistoryAsync();
        var results = new List<BreakingStory?>();
        for (var outlet = 0; outlet < 8; outlet++)
        {
            _clock.SetUtcNow(Today.AddHours(10).AddMinutes(5 * outlet));
            results.Add(await ArriveAsync("big", $"outlet-{outlet}"));
        }

        Assert.Equal([null, null, null], results.Take(3));
        var breaking = results[3]!;
        Assert.All(results.Skip(3), later => Assert.Equal(breaking.DetectedAt, later!.DetectedAt));
        Assert.Equal(("hour", 4, 1.0, "diplomacy"), (breaking.Window, breaking.NewOutlets, breaking.NormalRate, breaking.Topic));
        Assert.Equal("4 new outlets in the last hour; diplomacy stories normally gain 1.0 in an hour in which they grow (trailing 24 h, 12 story-hours)", breaking.Summary);
        var point = Assert.Single(breaking.Curve);
        Assert.Equal((Today.AddHours(10), 4, 4), (point.Hour, point.NewOutlets, point.Outlets));
    }

    [Fact]
    public async Task A_story_growing_at_its_topics_normal_rate_never_breaks()
    {
        await WithTopicHistoryAsync();
        for (var outlet = 0; outlet < 3; outlet++)
        {
            _clock.SetUtcNow(Today.AddHours(8 + outlet));
            Assert.Null(await ArriveAsync("steady", $"outlet-{outlet}"));
        }

        // The same outlet again, or another copy, is not growth.
        for (var copy = 0; copy < 6; copy++) Assert.Null(await ArriveAsync("steady", "outlet-2"));
    }

    [Fact]
    public async Task A_story_that_outgrows_its_topic_only_over_the_day_breaks_on_the_daily_window_with_an_hourly_curve()
    {
        await WithTopicHistoryAsync();
        var results = new List<BreakingStory?>();
        for (var outlet = 0; outlet < 10; outlet++)
        {
            _clock.SetUtcNow(Today.AddHours(outlet));
            results.Add(await ArriveAsync("slow-burn", $"outlet-{outlet}"));
        }

        Assert.All(results.Take(8), Assert.Null);
        var breaking = results[8]!;
        Assert.Equal(("day", 9, 3.0), (breaking.Window, breaking.NewOutlets, breaking.NormalRate));
        Assert.Equal(Enumerable.Range(1, 9), breaking.Curve.Select(p => p.Outlets));
        Assert.All(breaking.Curve, p => Assert.Equal(1, p.NewOutlets));
    }

    [Fact]
    public async Task A_topic_with_too_little_history_is_measured_against_every_topic()
    {
        await WithTopicHistoryAsync();
        var results = new List<BreakingStory?>();
        for (var outlet = 0; outlet < 4; outlet++)
        {
            _clock.SetUtcNow(Today.AddHours(10).AddMinutes(outlet));
            results.Add(await ArriveAsync("rare", $"outlet-{outlet}", topic: "cybersecurity"));
        }

        Assert.Equal("all", results[3]!.Topic);
    }

    [Fact]
    public async Task An_outlet_another_consumer_adds_while_the_record_is_made_is_in_both_its_gain_and_its_curve()
    {
        await WithTopicHistoryAsync();
        for (var outlet = 0; outlet < 3; outlet++)
        {
            _clock.SetUtcNow(Today.AddHours(10).AddMinutes(outlet));
            Assert.Null(await ArriveAsync("raced", $"outlet-{outlet}"));
        }

        // The fourth outlet crosses the threshold; a fifth, matched concurrently, lands between the count and the curve's read.
        _clock.SetUtcNow(Today.AddHours(10).AddMinutes(4));
        var raced = new FifthArrivesMidway(_store, new OutletArrival("raced", "outlet-4", "diplomacy", "concurrent", _clock.GetUtcNow()));
        var breaking = await new BreakingDetector(raced, Options.Create(new AlertOptions()), _clock).DetectAsync(new ArticleClassified
        {
            ArticleId = "fourth", StoryId = "raced", Source = "outlet-3", Text = "Generated.", Language = "en", IngestedAt = _clock.GetUtcNow(),
            ClassifiedAt = _clock.GetUtcNow(), Topics = [new TopicScore { Id = "diplomacy", Score = 5 }], Countries = [],
        }, Ct);

        Assert.Equal((5, 5, 5), (breaking!.NewOutlets, breaking.Outlets, breaking.Curve[^1].Outlets));
    }

    /// <summary>The real store, with one arrival recorded just before the first read of a story's arrivals (as a concurrent consumer would).</summary>
    private sealed class FifthArrivesMidway(IStoryGrowthStore store, OutletArrival midway) : IStoryGrowthStore
    {
        private bool _arrived;

        public async Task<IReadOnlyList<DateTimeOffset>> ArrivalsAsync(string storyId, CancellationToken cancellationToken)
        {
            if (!_arrived) await store.RecordAsync(midway, cancellationToken);
            _arrived = true;
            return await store.ArrivalsAsync(storyId, cancellationToken);
        }

        public Task<StoryGrowth> RecordAsync(OutletArrival arrival, CancellationToken cancellationToken) => store.RecordAsync(arrival, cancellationToken);
        public Task<int> NewOutletsAsync(string storyId, DateTimeOffset since, CancellationToken cancellationToken) => store.NewOutletsAsync(storyId, since, cancellationToken);
        public Task<TopicRate> RateAsync(string? topic, DateTimeOffset from, DateTimeOffset to, TimeSpan window, CancellationToken cancellationToken) => store.RateAsync(topic, from, to, window, cancellationToken);
        public Task<bool> TryMarkBreakingAsync(BreakingStory breaking, CancellationToken cancellationToken) => store.TryMarkBreakingAsync(breaking, cancellationToken);
        public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => store.PruneAsync(before, cancellationToken);
    }
}
