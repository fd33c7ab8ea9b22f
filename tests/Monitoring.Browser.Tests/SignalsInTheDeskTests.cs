using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Breaking;
using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Shifts;
using Monitoring.Contracts;

namespace Monitoring.Browser.Tests;

/// <summary>
/// What the desk shows of the signals issue 15 adds, in headless Chromium against the one-process host: a corroborated
/// event's provenance (raised by the real raiser from published articles), a breaking story's growth curve, and
/// relation shifts marked on the events chart.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SignalsInTheDeskTests : IAsyncLifetime
{
    private DeskSession _session = null!;
    private DeskHost _host = null!;
    private IPage _page = null!;
    private string _key = null!;
    private HttpClient _analyst = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _session = await DeskSession.StartAsync("signals");
        (_host, _page, _key, _analyst) = (_session.Host, _session.Page, _session.Key, _session.Analyst);
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    /// <summary>Norway expelling Russian diplomats (CAMEO 174) as classify publishes it; or, with a 016 code, Norway denying it.</summary>
    private static ArticleClassified Report(string id, string outlet, DateTimeOffset at, string? story = null, string cameo = "174", string target = "RUS") => new()
    {
        ArticleId = id, StoryId = story ?? "story-" + id, Source = outlet, Title = $"{outlet}: report {id}", Url = $"https://{outlet}.example/{id}",
        Text = "Norway expelled three Russian diplomats.", Language = "en", IngestedAt = at, ClassifiedAt = at,
        Topics = [new TopicScore { Id = "diplomacy", Score = 6 }], Countries = ["NOR", "RUS"],
        EventCodes = [new ArticleEventCode { Cameo = cameo, Source = "NOR", Target = target }],
    };

    [Fact]
    public async Task A_corroborated_event_shows_its_first_outlet_later_outlets_syndicated_copy_state_outlet_and_denial()
    {
        await DeskHost.SubscribeAsync(_analyst, new { name = "Norway coercion", query = "corroborated:3 AND event:17" });
        // Early in today's UTC window whatever the time, so the five reports fall in one window (one event).
        var start = EventReports.WindowStart(DateTimeOffset.UtcNow, TimeSpan.FromDays(1)).AddMinutes(1);
        var reports = _host.Services.GetRequiredService<ICorroborationStore>();
        var eventId = EventReports.EventIdOf("NOR", "RUS", "17", EventReports.WindowStart(start, TimeSpan.FromDays(1)));
        var articles = new[]
        {
            Report("a1", "nordwire", start),
            Report("a2", "fjordpost", start.AddMinutes(3), story: "story-a1"),
            Report("a3", "tass", start.AddMinutes(6)),
            Report("a4", "aftenbladet", start.AddMinutes(9), cameo: "016", target: "---"),
            Report("a5", "reuters", start.AddMinutes(12)),
        };

        // One at a time, as they would arrive: the crossing is at the third outlet, after the denial.
        var bus = _host.Services.GetRequiredService<IBus>();
        for (var i = 0; i < articles.Length; i++)
        {
            await bus.Publish(articles[i], Ct);
            var expected = i < 3 ? i + 1 : i;
            await DeskChecks.EventuallyAsync(async () => (await reports.ReportsAsync(eventId, Ct)).Count >= expected && (i != 3 || (await reports.DenialsAsync(
                EventReports.WindowStart(start, TimeSpan.FromDays(1)), ["NOR"], Ct)).Count == 1));
        }

        await DeskChecks.EventuallyAsync(async () => (await _analyst.GetFromJsonAsync<List<AlertRecord>>("/api/alerts", Ct))!.Count == 1);
        await DeskChecks.SignInAsync(_page, _key);

        var card = _page.Locator(".card").First;
        await Expect(card).ToContainTextAsync("Corroborated: 3 independent outlets");
        await Expect(card).ToContainTextAsync("first nordwire");
        await Expect(card).ToContainTextAsync("Disputed");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Open story" })).ToHaveCountAsync(0);
        await card.GetByRole(AriaRole.Link, new() { Name = "Open alert" }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Corroborated event: NOR → RUS, CAMEO 17" })).ToBeVisibleAsync();
        await Expect(_page.Locator(".disputed")).ToContainTextAsync("Disputed.");
        await Expect(_page.Locator(".first-report")).ToContainTextAsync("First: nordwire");
        var rows = _page.Locator("table.reports tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Nth(0)).ToContainTextAsync("separately written");
        await Expect(rows.Nth(1)).ToContainTextAsync("fjordpost");
        await Expect(rows.Nth(1)).ToContainTextAsync("syndicated copy");
        await Expect(rows.Nth(2)).ToContainTextAsync("tass");
        await Expect(rows.Nth(2).Locator(".tag.state")).ToHaveTextAsync("state-affiliated, RUS");
        await Expect(rows.Nth(3)).ToContainTextAsync("reuters");
        await Expect(rows.Nth(3).Locator(".tag.state")).ToHaveCountAsync(0);
        await Expect(_page.Locator("ul.denials li")).ToContainTextAsync("aftenbladet");
        await Expect(_page.Locator("ul.denials li")).ToContainTextAsync("CAMEO 016");
        await Browser.ScreenshotAsync(_page, "alert-provenance");
        await DeskChecks.AccessibleAsync(_page, "alert with provenance");
    }

    [Fact]
    public async Task A_breaking_alert_shows_its_growth_curve()
    {
        var subscription = await DeskHost.SubscribeAsync(_analyst, new { name = "Breaking", query = "is:breaking" });
        var hour = GrowthCurve.HourOf(DateTimeOffset.UtcNow.AddHours(-3));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAlertStore>().TryInsertAsync(new AlertRecord
            {
                AlertId = "breaking-1", SubscriptionId = subscription.GetProperty("subscriptionId").GetString()!, AnalystId = subscription.GetProperty("analystId").GetString()!,
                StoryId = "story-b", ArticleId = "b4", Title = "Port closed after explosion", Url = "https://news.example/b4", Topics = ["disasters"], Countries = ["NOR"],
                Outlets = ["one", "two", "three", "four", "five"], ArticleCount = 5, ArticleIngestedAt = hour.AddHours(3), RaisedAt = hour.AddHours(3),
                DeliveryStatus = DeliveryStatus.NotRequired,
                Breaking = new BreakingStory
                {
                    StoryId = "story-b", Topic = "disasters", Window = "hour", NewOutlets = 4, NormalRate = 1.2, BaselineWindows = 40, Outlets = 5, ArticleId = "b4",
                    DetectedAt = hour.AddHours(3), Summary = "5 outlets, 4 of them in the last hour, against 1.2 an hour for disasters stories",
                    Curve =
                    [
                        new GrowthPoint { Hour = hour, NewOutlets = 1, Outlets = 1 },
                        new GrowthPoint { Hour = hour.AddHours(1), NewOutlets = 0, Outlets = 1 },
                        new GrowthPoint { Hour = hour.AddHours(2), NewOutlets = 0, Outlets = 1 },
                        new GrowthPoint { Hour = hour.AddHours(3), NewOutlets = 4, Outlets = 5 },
                    ],
                },
            }, null, Ct);
        }

        await DeskChecks.SignInAsync(_page, _key);
        await Expect(_page.Locator(".card").First).ToContainTextAsync("Breaking: 5 outlets, 4 of them in the last hour");
        await _page.Locator(".card").First.GetByRole(AriaRole.Link, new() { Name = "Open alert" }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Breaking story" })).ToBeVisibleAsync();
        await Expect(_page.Locator("svg.growth rect.growth-bar")).ToHaveCountAsync(4);
        await Expect(_page.Locator("svg.growth")).ToHaveAttributeAsync("aria-label", "Growth: 5 outlets over 4 hours");
        var rows = _page.Locator("table.growth-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync($"{hour.AddHours(3):yyyy-MM-dd HH:mm}");
        await Expect(rows.Nth(1)).ToContainTextAsync("5");
        await Browser.ScreenshotAsync(_page, "alert-breaking");
        await DeskChecks.AccessibleAsync(_page, "breaking alert");
    }

    [Fact]
    public async Task The_events_chart_marks_the_pairs_shifts_with_their_summary_on_hover_and_focus()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        const string Summary = "CHN–RUS: material conflict share rose from 4 % to 31 % (7 days, 13 events, against 90 days, 210 events)";
        var relations = _host.Services.GetRequiredService<IRelationStore>();
        Assert.True(await relations.TryOpenAsync(new RelationShift
        {
            ShiftId = "shift-1", Pair = "CHN-RUS", Kind = RelationShift.Balance, OpenKey = "CHN-RUS|balance", Summary = Summary,
            Measures = [new ShiftMeasure { Name = "share:4", Before = 0.04, After = 0.31, Text = "material conflict share rose from 4 % to 31 %" }],
            Events = [new RelationEvent
            {
                Pair = "CHN-RUS", StoryId = "story-s", ArticleId = "s1", Source = "CHN", Target = "RUS", Cameo = "173", Root = "17", QuadClass = 4, Goldstein = -5,
                Day = today.AddDays(-2), RecordedAt = now.AddDays(-2), Title = "Border guards detain fishermen",
            }],
            RecentFrom = today.AddDays(-6), RecentTo = today, BaselineFrom = today.AddDays(-96), RecentEvents = 13, BaselineEvents = 210,
            ArticleId = "s1", StoryId = "story-s", OpenedAt = now.AddDays(-2),
        }, Ct));

        await DeskChecks.SignInAsync(_page, _key);
        await _page.GotoAsync("/#/events?a=CHN&b=RUS");
        var marker = _page.Locator("svg.chart [data-shift]");
        await Expect(marker).ToHaveCountAsync(1);
        await Expect(marker).ToHaveAttributeAsync("aria-label", $"Relation shift on {today.AddDays(-2):yyyy-MM-dd}: {Summary}");
        await Expect(_page.Locator(".shift-list li")).ToContainTextAsync(Summary);

        await marker.HoverAsync();
        await Expect(_page.Locator("#shift-detail")).ToContainTextAsync(Summary);
        await _page.Locator("#since").FocusAsync();
        await marker.FocusAsync();
        await Expect(_page.Locator("#shift-detail")).ToHaveTextAsync($"Relation shift on {today.AddDays(-2):yyyy-MM-dd}: {Summary}");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#sentences")).ToContainTextAsync("Border guards detain fishermen");
        await Browser.ScreenshotAsync(_page, "events-shifts");
        await DeskChecks.AccessibleAsync(_page, "events with a shift");

        // One country shows the shifts of its pairs; another pair shows none.
        await _page.GotoAsync("/#/events?a=RUS&b=");
        await Expect(_page.Locator("svg.chart [data-shift]")).ToHaveCountAsync(1);
        await _page.GotoAsync("/#/events?a=CHN&b=USA");
        await Expect(_page.Locator("svg.chart")).ToBeVisibleAsync();
        await Expect(_page.Locator("svg.chart [data-shift]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_subscription_editor_keeps_changes_and_clears_a_channels_corroboration_gate()
    {
        var hook = new Uri(_host.Address, "/demo/webhook").ToString();
        var created = await DeskHost.SubscribeAsync(_analyst, new
        {
            name = "Gated", query = "event:17", channels = new object[] { new { type = "webhook", target = hook, minOutlets = 3 } },
        });
        var id = created.GetProperty("subscriptionId").GetString()!;
        async Task<JsonElement> ChannelAsync() => (await _analyst.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{id}", Ct)).GetProperty("channels")[0];

        await DeskChecks.SignInAsync(_page, _key);
        await _page.GotoAsync("/#/subscriptions");
        await Expect(_page.Locator("tr", new() { HasText = "Gated" })).ToContainTextAsync("Webhook (corroborated by 3)");
        await _page.GotoAsync($"/#/subscriptions/{id}");
        var gate = _page.GetByLabel("Only when corroborated by");
        await Expect(gate).ToHaveValueAsync("3");
        await DeskChecks.AccessibleAsync(_page, "editor with a gated channel");

        // Saved untouched, the gate stays; changed, it changes; emptied, the channel gets every alert again.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Subscriptions" })).ToBeVisibleAsync();
        Assert.Equal(3, (await ChannelAsync()).GetProperty("minOutlets").GetInt32());
        await _page.GotoAsync($"/#/subscriptions/{id}");
        await gate.FillAsync("4");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(_page.Locator("tr", new() { HasText = "Gated" })).ToContainTextAsync("Webhook (corroborated by 4)");
        Assert.Equal(4, (await ChannelAsync()).GetProperty("minOutlets").GetInt32());
        await _page.GotoAsync($"/#/subscriptions/{id}");
        await gate.FillAsync("");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(_page.Locator("tr", new() { HasText = "Gated" })).Not.ToContainTextAsync("corroborated by");
        Assert.False((await ChannelAsync()).TryGetProperty("minOutlets", out _));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
