using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Storage;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Tests.Corroboration;

/// <summary>
/// Corroboration on the real SQLite stores: syndicated copies of one story count once, separately written articles
/// count each, one alert per event and subscription when it crosses N, a denial by one of its actors makes it disputed.
/// </summary>
public sealed class CorroboratedAlertTests : IAsyncLifetime
{
    private static readonly CorroborationOptions Options = new();
    private SqliteAlertStore _alerts = null!;
    private CorroborationRaiser _raiser = null!;
    private readonly List<OutboxMessage> _announced = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var database = StoreFactory.FreshSqlite();
        _alerts = await StoreFactory.CreateSqliteAsync<SqliteAlertStore>(database);
        var reports = await StoreFactory.CreateSqliteAsync<SqliteCorroborationStore>(database);
        _raiser = new CorroborationRaiser(reports, _alerts, OutletDirectory.LoadShipped(), Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CompiledSubscription Subscription(string query, string id = "s1") => CompiledSubscription.Compile(new Subscription
    {
        SubscriptionId = id, AnalystId = "alice", Name = id, Query = query, Topics = [], Countries = [], Keywords = [], CreatedAt = Times.At(0),
    });

    /// <summary>An article reporting Norway expelling Russian diplomats (174), as classify would publish it.</summary>
    private static ArticleClassified Report(string id, string outlet, int minute, string? story = null, params ArticleEventCode[] more) => new()
    {
        ArticleId = id, StoryId = story ?? "story-" + id, Source = outlet, Title = "Title " + id, Url = $"https://{outlet}.example/{id}",
        Text = "Norway expelled three Russian diplomats.", Language = "en", IngestedAt = Times.At(minute), ClassifiedAt = Times.At(minute),
        Topics = [new TopicScore { Id = "diplomacy", Score = 6 }], Countries = ["NOR", "RUS"],
        EventCodes = [new ArticleEventCode { Cameo = "174", Source = "NOR", Target = "RUS" }, .. more],
    };

    private static ArticleClassified Denial(string id, string outlet, int minute, string target = "---") => new()
    {
        ArticleId = id, StoryId = "story-" + id, Source = outlet, Title = "Title " + id, Text = "The Norwegian government denied the reports.", Language = "en",
        IngestedAt = Times.At(minute), ClassifiedAt = Times.At(minute), Topics = [], Countries = ["NOR"],
        EventCodes = [new ArticleEventCode { Cameo = "016", Source = "NOR", Target = target }],
    };

    private async Task<int> RaiseAsync(ArticleClassified article, params CompiledSubscription[] subscriptions) =>
        await _raiser.RaiseAsync(article, await _raiser.RecordAsync(article, article.StoryId, Ct), subscriptions, _announced, Ct);

    private async Task<IReadOnlyList<AlertRecord>> AlertsAsync() => (await _alerts.ListAsync("alice", new PageRequest(50), Ct)).Items;

    [Fact]
    public async Task Syndicated_copies_of_one_story_count_once()
    {
        var subscription = Subscription("corroborated:3 AND event:17");

        Assert.Equal(0, await RaiseAsync(Report("a1", "nordwire", 1), subscription));
        Assert.Equal(0, await RaiseAsync(Report("a2", "syndicate-one", 2, story: "story-a1"), subscription));
        Assert.Equal(0, await RaiseAsync(Report("a3", "syndicate-two", 3, story: "story-a1"), subscription));
        Assert.Equal(0, await RaiseAsync(Report("a4", "tass", 4), subscription));

        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task Separately_written_articles_count_each_and_raise_one_alert_with_the_provenance()
    {
        var subscription = Subscription("corroborated:3 AND event:17 AND country:NOR");

        await RaiseAsync(Report("a1", "nordwire", 1), subscription);
        await RaiseAsync(Report("a2", "syndicate-one", 2, story: "story-a1"), subscription);
        await RaiseAsync(Report("a3", "tass", 3), subscription);
        Assert.Equal(1, await RaiseAsync(Report("a4", "reuters", 4), subscription));
        Assert.Equal(0, await RaiseAsync(Report("a5", "bbc", 5), subscription));
        Assert.Equal(0, await RaiseAsync(Report("a4", "reuters", 4), subscription));

        var alert = Assert.Single(await AlertsAsync());
        var corroboration = alert.Corroboration!;
        Assert.Equal("event:NOR-RUS-17-20240516T0000", alert.StoryId);
        Assert.Equal("a4", alert.ArticleId);
        Assert.Equal(["nordwire", "tass", "reuters"], alert.Outlets);
        Assert.Equal((3, 3, "NOR", "RUS", "17"), (corroboration.IndependentOutlets, corroboration.Required, corroboration.Source, corroboration.Target, corroboration.Root));
        Assert.Equal(["nordwire", "syndicate-one", "tass", "reuters"], corroboration.Reports.Select(r => r.Outlet));
        Assert.Equal([false, true, false, false], corroboration.Reports.Select(r => r.Syndicated));
        Assert.Equal(Times.At(1), corroboration.Reports[0].ReportedAt);
        Assert.Equal([null, null, true, false], corroboration.Reports.Select(r => r.StateAffiliated));
        Assert.Equal("RUS", corroboration.Reports[2].OutletCountry);
        Assert.False(corroboration.Disputed);
        Assert.Single(_announced);
        Assert.Equal(corroboration.EventId, ((AlertRaised)_announced[0].Deserialize(out _)).Corroboration!.EventId);
    }

    [Fact]
    public async Task Two_articles_of_one_outlet_count_once_and_each_subscription_has_its_own_threshold()
    {
        var two = Subscription("corroborated:2 AND event:17", "two");
        var three = Subscription("corroborated:3 AND event:17", "three");

        await RaiseAsync(Report("a1", "nordwire", 1), two, three);
        Assert.Equal(0, await RaiseAsync(Report("a2", "nordwire", 2), two, three));
        Assert.Equal(1, await RaiseAsync(Report("a3", "tass", 3), two, three));
        Assert.Equal(1, await RaiseAsync(Report("a4", "reuters", 4), two, three));

        Assert.Equal(["three", "two"], (await AlertsAsync()).Select(a => a.SubscriptionId).Order());
    }

    [Fact]
    public async Task A_denial_by_one_of_the_actors_shows_the_event_as_disputed()
    {
        var subscription = Subscription("corroborated:2 AND event:17");

        await RaiseAsync(Report("a1", "nordwire", 1), subscription);
        await RaiseAsync(Denial("d1", "aftenbladet", 2), subscription);
        await RaiseAsync(Denial("d2", "elsewhere", 3, target: "SWE"), subscription);
        await RaiseAsync(Report("a2", "tass", 4), subscription);

        var corroboration = Assert.Single(await AlertsAsync()).Corroboration!;
        Assert.True(corroboration.Disputed);
        Assert.Equal(["d1"], corroboration.Denials.Select(d => d.ArticleId));
        Assert.Equal(("aftenbladet", "016"), (corroboration.Denials[0].Outlet, corroboration.Denials[0].Cameo));
        Assert.Contains("DISPUTED", ProvenanceText.Of(corroboration), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_in_another_window_or_with_other_actors_is_another_event()
    {
        var subscription = Subscription("corroborated:2 AND event:17");

        await RaiseAsync(Report("a1", "nordwire", 1), subscription);
        await RaiseAsync(Report("a2", "tass", 60 * 24 + 1), subscription);
        await RaiseAsync(Report("a3", "reuters", 2) with { EventCodes = [new ArticleEventCode { Cameo = "174", Source = "SWE", Target = "RUS" }] }, subscription);

        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task Only_the_events_the_rest_of_the_query_names_are_alerted()
    {
        var subscription = Subscription("corroborated:2 AND event:04");
        var meeting = new ArticleEventCode { Cameo = "042", Source = "NOR", Target = "SWE" };

        await RaiseAsync(Report("a1", "nordwire", 1, null, meeting), subscription);
        Assert.Equal(1, await RaiseAsync(Report("a2", "tass", 2, null, meeting), subscription));

        Assert.Equal("event:NOR-SWE-04-20240516T0000", Assert.Single(await AlertsAsync()).StoryId);
    }

    [Fact]
    public async Task An_article_without_an_outlet_reports_nothing()
    {
        var subscription = Subscription("corroborated:2 AND event:17");

        await RaiseAsync(Report("a1", "nordwire", 1), subscription);
        Assert.Equal(0, await RaiseAsync(Report("a2", "", 2) with { Source = null, Url = null }, subscription));
        Assert.Equal(1, await RaiseAsync(Report("a3", "", 3) with { Source = null, Url = "https://www.reuters.com/world/a3" }, subscription));

        Assert.Equal(["nordwire", "reuters.com"], Assert.Single(await AlertsAsync()).Outlets);
    }
}
