using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Preview;
using Monitoring.Alert.Shifts;
using Monitoring.Alert.Sides;
using Monitoring.Alert.Storage;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Sides;

/// <summary>
/// Both sides of one meeting on real SQLite stores, the articles recorded as the alert service records them (the shift
/// detector's relation events, the kept message): a Chinese readout, a Chinese commentary, a Russian readout and a
/// British report of a China–Russia meeting, with events both ways. The codes are written for the test.
/// </summary>
public sealed class SidesReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(Now.AddDays(-1));
    private IRelationStore _relations = null!;
    private IRecentArticleStore _recent = null!;
    private ShiftDetector _detector = null!;
    private SidesReader _reader = null!;

    private async Task StartAsync()
    {
        _relations = await StoreFactory.CreateSqliteAsync<SqliteRelationStore>();
        _recent = await StoreFactory.CreateSqliteAsync<SqliteRecentArticleStore>();
        var scale = CameoScale.LoadShipped();
        _detector = new ShiftDetector(_relations, new RelationEvents(scale, SubscriptionVocabulary.LoadShipped()), Options.Create(new AlertOptions()), _clock);
        _reader = new SidesReader(_relations, _recent, OutletDirectory.LoadShipped(), scale);
    }

    private static ArticleActor Person(string name, string code) => new() { Type = "person", Name = name, Code = code };

    private async Task ReceiveAsync(string id, string outlet, int minutes, (string Source, string Target, string Cameo)[] codes, ArticleActor[] actors, int daysAgo = 0)
    {
        _clock.SetUtcNow(Now.AddDays(-daysAgo).AddMinutes(minutes));
        var article = new ArticleClassified
        {
            ArticleId = id, StoryId = "story-" + id, Source = outlet, Title = "Title " + id, Text = "Text " + id, Language = "en",
            IngestedAt = _clock.GetUtcNow(), ClassifiedAt = _clock.GetUtcNow(), Topics = [], Countries = ["CHN", "RUS"], Actors = actors,
            EventCodes = codes.Select(c => new ArticleEventCode { Source = c.Source, Target = c.Target, Cameo = c.Cameo }).ToList(),
        };
        await _recent.AddAsync(new RecentArticle(article, _clock.GetUtcNow()), Now.AddDays(-30), Ct);
        await _detector.DetectAsync(article, Ct);
    }

    private Task ChineseReadoutAsync() => ReceiveAsync("xinhua-1", "xinhua", 0,
        [("CHN", "RUS", "046"), ("RUS", "CHN", "046"), ("CHN", "RUS", "0313"), ("RUS", "CHN", "063")],
        [Person("Chen Wenqing", "CHN"), Person("Sergei Shoigu", "RUS")]);

    [Fact]
    public async Task Each_side_gets_its_outlets_account_and_the_commitments_events_and_actors_the_other_side_does_not_report()
    {
        await StartAsync();
        await ReceiveAsync("tass-0", "tass", 0, [("CHN", "RUS", "036")], [], daysAgo: 1); // the day before: not this meeting's
        await ChineseReadoutAsync();
        await ReceiveAsync("cgtn-1", "cgtn", 5, [("CHN", "RUS", "036"), ("RUS", "CHN", "046")], []);
        await ReceiveAsync("tass-1", "tass", 10,
            [("RUS", "CHN", "057"), ("CHN", "RUS", "057"), ("RUS", "CHN", "046"), ("RUS", "CHN", "062")],
            [Person("Sergei Shoigu", "RUS"), new ArticleActor { Type = "organisation", Name = "Security Council of Russia", Code = "RUS" }]);
        await ReceiveAsync("reuters-1", "reuters", 15, [("CHN", "RUS", "046")], []);
        await ReceiveAsync("tass-2", "tass", 20, [("CHN", "USA", "111"), ("USA", "CHN", "111")], []); // another pair

        var sides = await _reader.ReadAsync("story-xinhua-1", Ct);

        var meeting = Assert.Single(sides!.Meetings);
        Assert.Equal(("CHN-RUS", DateOnly.FromDateTime(Now.UtcDateTime)), (meeting.Pair, meeting.Day));
        Assert.Equal(["CHN", "RUS", "others"], meeting.Accounts.Select(a => a.Side));
        Assert.Equal([["xinhua", "cgtn"], ["tass"], ["reuters"]], meeting.Accounts.Select(a => a.Articles.Select(x => x.Outlet!).ToArray()));
        Assert.Equal(["xinhua", "cgtn"], meeting.Accounts[0].Events.Single(e => e.Source == "RUS" && e.Cameo == "046").Outlets);

        var china = meeting.Differences.Single(d => d.Side == "CHN");
        Assert.Equal("RUS", china.Other);
        Assert.False(china.OtherSilent);
        Assert.Equal(["CHN→RUS 0313", "CHN→RUS 036"], china.Commitments.Select(Describe));
        Assert.Equal(["CHN→RUS 046", "RUS→CHN 063"], china.Events.Select(Describe)); // the Russian readout has Russia consult China, not China Russia
        Assert.Equal(["Chen Wenqing"], china.Actors.Select(a => a.Name));
        Assert.Equal(
            "Only CHN outlets report: 2 commitments (CHN→RUS 0313 express intent to cooperate on judicial matters, CHN→RUS 036 express intent to meet or negotiate); "
            + "2 other events (CHN→RUS 046 engage in negotiation, RUS→CHN 063 engage in judicial cooperation); 1 actor (Chen Wenqing).",
            china.Summary);

        var russia = meeting.Differences.Single(d => d.Side == "RUS");
        Assert.Equal(["CHN→RUS 057", "RUS→CHN 057"], russia.Commitments.Select(Describe));
        Assert.Equal(["RUS→CHN 062"], russia.Events.Select(Describe));
        Assert.Equal(["Security Council of Russia"], russia.Actors.Select(a => a.Name));
        Assert.Equal("sign formal agreement", russia.Commitments[0].Name);
    }

    [Fact]
    public async Task A_meeting_only_one_sides_outlets_have_reported_says_the_other_is_silent()
    {
        await StartAsync();
        await ChineseReadoutAsync();

        var meeting = Assert.Single((await _reader.ReadAsync("story-xinhua-1", Ct))!.Meetings);

        Assert.Equal(["CHN", "RUS"], meeting.Accounts.Select(a => a.Side));
        Assert.Empty(meeting.Accounts[1].Articles);
        var china = meeting.Differences.Single(d => d.Side == "CHN");
        Assert.True(china.OtherSilent);
        Assert.StartsWith("Only CHN outlets have reported the meeting (no RUS outlet yet): 1 commitment (CHN→RUS 0313", china.Summary, StringComparison.Ordinal);
        Assert.Equal("No RUS outlet has reported the meeting.", meeting.Differences.Single(d => d.Side == "RUS").Summary);
    }

    [Fact]
    public async Task A_story_with_events_one_way_has_no_meeting_and_an_unknown_story_has_no_sides()
    {
        await StartAsync();
        await ReceiveAsync("one-way", "xinhua", 0, [("CHN", "RUS", "036"), ("CHN", "RUS", "046")], []);

        Assert.Empty((await _reader.ReadAsync("story-one-way", Ct))!.Meetings);
        Assert.Null(await _reader.ReadAsync("story-nobody-coded", Ct));
    }

    private static string Describe(ReportedEvent e) => $"{e.Source}→{e.Target} {e.Cameo}";
}
