using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Alert.Shifts;
using Monitoring.Alert.Storage;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Shifts;

/// <summary>A shift detector on a fresh SQLite store and a fake clock, and generated articles carrying one coded event each.</summary>
public sealed class RelationHistory
{
    /// <summary>Where the clock stands once <see cref="CooperativeBaselineAsync"/> has run; it starts <see cref="BaselineStartsDaysAgo"/> days before.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const int BaselineStartsDaysAgo = 96;

    private int _next;

    private RelationHistory(IRelationStore store, ShiftDetector detector, FakeTimeProvider clock)
    {
        Store = store;
        Detector = detector;
        Clock = clock;
    }

    public IRelationStore Store { get; }
    public ShiftDetector Detector { get; }
    public FakeTimeProvider Clock { get; }

    public static async Task<RelationHistory> CreateAsync(ShiftOptions? options = null)
    {
        var store = await StoreFactory.CreateSqliteAsync<SqliteRelationStore>();
        var clock = new FakeTimeProvider(Start.AddDays(-BaselineStartsDaysAgo));
        var events = new RelationEvents(CameoScale.LoadShipped(), SubscriptionVocabulary.LoadShipped());
        var detector = new ShiftDetector(store, events, Options.Create(new AlertOptions { Shifts = options ?? new ShiftOptions() }), clock);
        return new RelationHistory(store, detector, clock);
    }

    /// <summary>An article of its own story published <paramref name="daysAgo"/> days before the clock's day, with one event.</summary>
    public ArticleClassified Article(int daysAgo, string cameo, string source = "CHN", string target = "RUS")
    {
        var id = $"a{++_next:D4}";
        return new ArticleClassified
        {
            ArticleId = id, StoryId = "s-" + id, Title = $"{source} and {target}: event {cameo}", Text = "Generated.", Language = "en",
            PublishedAt = Clock.GetUtcNow().AddDays(-daysAgo), IngestedAt = Clock.GetUtcNow(), ClassifiedAt = Clock.GetUtcNow(),
            Topics = [], Countries = [source, target], EventCodes = [new ArticleEventCode { Cameo = cameo, Source = source, Target = target }],
        };
    }

    public Task<IReadOnlyList<RelationShift>> DetectAsync(ArticleClassified article) => Detector.DetectAsync(article, TestContext.Current.CancellationToken);

    /// <summary>
    /// Ninety days of talks and trade, each article read the day it appears, with an occasional armed clash (4 % material
    /// conflict), ending with the clock at <see cref="Start"/>, before the recent week: none of it a shift.
    /// </summary>
    public async Task CooperativeBaselineAsync(string source = "CHN", string target = "RUS")
    {
        var first = Start.AddDays(-BaselineStartsDaysAgo);
        for (var i = 0; i < 100; i++)
        {
            Clock.SetUtcNow(first.AddDays(i * 90 / 100));
            var cameo = i % 25 == 0 ? "190" : i % 2 == 0 ? "036" : "061";
            Assert.Empty(await DetectAsync(Article(0, cameo, source, target)));
        }

        Clock.SetUtcNow(Start);
    }
}
