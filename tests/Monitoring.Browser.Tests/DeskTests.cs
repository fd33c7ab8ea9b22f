using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitoring.Alert.Alerts;

namespace Monitoring.Browser.Tests;

/// <summary>
/// The analyst's desk in headless Chromium against the three services in one process: every flow a person
/// follows, with axe's WCAG 2.1 A/AA rules on each page and a screenshot of each (artifacts/screenshots).
/// </summary>
[Trait("Category", "Browser")]
public sealed class DeskTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Subscription = "China and Russia";
    private static readonly string Seed = File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "000_780a307ae76c99fd.txt"));

    private DeskSession _session = null!;
    private DeskHost _host = null!;
    private IPage _page = null!;
    private string _key = null!;
    private HttpClient _analyst = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _session = await DeskSession.StartAsync("desk");
        (_host, _page, _key, _analyst) = (_session.Host, _session.Page, _session.Key, _session.Analyst);
        await DeskHost.SubscribeAsync(_analyst, new { name = Subscription, query = "country:CHN AND country:RUS" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    [Fact]
    public async Task Sign_in_by_keyboard_receive_a_live_alert_mark_it_not_relevant_undo_and_read_it()
    {
        await _page.GotoAsync("/");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(_page.GetByLabel("API key")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("wrong-key");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#signin-error")).ToContainTextAsync("No analyst has the key");
        await _page.GetByLabel("API key").FillAsync(_key);
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(_page.Locator("#live-state")).ToContainTextAsync("Live");
        await CheckAccessibilityAsync("empty inbox");

        // A live alert: the article goes through ingest, classify and alert; the card arrives over the stream.
        await _host.IngestAsync(Seed, "cgtn");
        var card = _page.Locator(".card").First;
        await Expect(card).ToContainTextAsync("China-Russia", new() { Timeout = 60_000 });
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        await Expect(card).ToContainTextAsync($"Matched {Subscription}");
        var alertId = (await AlertsAsync()).Single().AlertId;

        await card.GetByRole(AriaRole.Button, new() { Name = "Not relevant" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Undo not relevant" })).ToBeVisibleAsync();
        // Checked through the API, which the page's request may reach a moment after the card has changed.
        await Eventually(async () => (await AlertsAsync()).Single().NotRelevantAt is not null);
        await card.GetByRole(AriaRole.Button, new() { Name = "Undo not relevant" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Not relevant" })).ToBeVisibleAsync();
        await Eventually(async () => (await AlertsAsync()).Single().NotRelevantAt is null);

        // Read with the keyboard: focus the button, press Enter.
        await card.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator(".card").First.GetByRole(AriaRole.Button, new() { Name = "Mark unread" })).ToBeVisibleAsync();
        Assert.NotNull((await AlertsAsync()).Single(a => a.AlertId == alertId).ReadAt);

        await _page.Locator(".card").First.GetByRole(AriaRole.Button, new() { Name = "Show evidence" }).ClickAsync();
        await Expect(_page.Locator(".evidence mark.topic").First).ToBeVisibleAsync();
        await Expect(_page.Locator(".evidence mark.event").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(_page, "inbox");
        await CheckAccessibilityAsync("inbox with evidence");
    }

    [Fact]
    public async Task Follow_a_story_from_its_card_to_its_outlets_events_and_people()
    {
        // A story's later articles update its alert without a new announcement (the subscription does not ask for
        // updates), so the page is opened once both outlets are on the alert.
        await _host.IngestAsync(Seed, "cgtn");
        await _host.IngestAsync(Seed + "\n\nBoth sides also agreed to meet again next year in Beijing.", "tass");
        await Eventually(async () => (await AlertsAsync()) is [{ Outlets.Count: 2 }]);
        await SignInAsync();
        await Expect(_page.Locator(".card").First).ToContainTextAsync("2 outlets");

        await _page.Locator(".card").First.GetByRole(AriaRole.Link, new() { Name = "Open story" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Outlets" })).ToBeVisibleAsync();
        var outlets = _page.Locator("table").First.Locator("tbody tr");
        await Expect(outlets).ToHaveCountAsync(2);
        await Expect(outlets.First).ToContainTextAsync("cgtn");
        await Expect(outlets.Nth(1)).ToContainTextAsync("tass");
        await Expect(_page.Locator("table").Nth(1).Locator("tbody tr mark.event").First).ToBeVisibleAsync();
        await Expect(_page.Locator("main")).ToContainTextAsync("Sergei Shoigu");
        await Browser.ScreenshotAsync(_page, "story");
        await CheckAccessibilityAsync("story");
    }

    [Fact]
    public async Task Events_between_two_countries_as_a_chart_with_the_sentences_behind_a_bar_and_a_csv_export()
    {
        await SignInAsync();
        await _host.IngestAsync(Seed, "cgtn");
        await Eventually(async () => (await _analyst.GetFromJsonAsync<JsonElement[]>("/api/events/coded?pair=CHN-RUS", Ct))!.Length > 0);

        await _page.GotoAsync("/#/events?a=CHN&b=RUS");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Events explorer" })).ToBeVisibleAsync();
        var bar = _page.Locator(".bar-hit").First;
        await Expect(bar).ToBeVisibleAsync();
        await bar.FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#sentences li").First).ToContainTextAsync("→");
        await Browser.ScreenshotAsync(_page, "events");
        await CheckAccessibilityAsync("events");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path, Ct);
        Assert.StartsWith("GLOBALEVENTID,SQLDATE,Actor1Code,Actor1Name,Actor1CountryCode", lines[0]);
        Assert.Contains("GoldsteinScale", lines[0]);
        Assert.True(lines.Length > 1, "the export has the events");
        Assert.All(lines.Skip(1).Where(l => l.Length > 0), l => Assert.Matches(@",(CHN|RUS)\w*,", l));
    }

    [Fact]
    public async Task Subscription_editor_fixes_a_typo_from_the_suggestion_previews_saves_and_pauses()
    {
        await SignInAsync();
        await _host.IngestAsync(Seed, "cgtn");

        // The preview reads the articles the alert service has received: wait until this one has gone through.
        await Eventually(async () => (await AlertsAsync()).Count == 1);
        await _page.GotoAsync("/#/subscriptions/new");
        await _page.GetByLabel("Name").FillAsync("Security cooperation");
        await _page.GetByLabel("Query", new() { Exact = true }).FocusAsync();
        await _page.Keyboard.TypeAsync("topic:security-cooperatoin AND country:RUS");
        await Expect(_page.Locator("#query-error")).ToContainTextAsync("did you mean 'security-cooperation'");
        await Browser.ScreenshotAsync(_page, "subscription-typo");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Use “security-cooperation”" }).ClickAsync();
        await Expect(_page.GetByLabel("Query", new() { Exact = true })).ToHaveValueAsync("topic:security-cooperation AND country:RUS");
        await Expect(_page.Locator("#query-check .okay")).ToContainTextAsync("Query is valid");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Preview last 7 days" }).ClickAsync();
        await Expect(_page.Locator("#preview h2")).ToContainTextAsync("1 match");
        await Expect(_page.Locator("#preview li").First).ToContainTextAsync("topic:security-cooperation");
        await Browser.ScreenshotAsync(_page, "subscription-editor");
        await CheckAccessibilityAsync("subscription editor");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var row = _page.Locator("tr", new() { HasText = "Security cooperation" });
        await Expect(row).ToContainTextAsync("Active");
        await row.GetByRole(AriaRole.Button, new() { Name = "Pause Security cooperation" }).ClickAsync();
        await Expect(_page.Locator("tr", new() { HasText = "Security cooperation" })).ToContainTextAsync("Paused");
        var saved = (await _analyst.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!.Single(s => s.GetProperty("name").GetString() == "Security cooperation");
        Assert.True(saved.GetProperty("paused").GetBoolean());
        Assert.Equal("topic:security-cooperation AND country:RUS", saved.GetProperty("query").GetString());
        await Browser.ScreenshotAsync(_page, "subscriptions");
        await CheckAccessibilityAsync("subscriptions");
    }

    [Fact]
    public async Task Sources_asks_for_the_admin_key_then_lists_adds_and_removes_feeds()
    {
        await SignInAsync();
        await _page.GotoAsync("/#/sources");
        await _page.GetByLabel("Admin key").FillAsync(DeskHost.IngestAdminKey);
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Add a feed" })).ToBeVisibleAsync();
        await _page.GetByLabel("Id").FillAsync("bad-feed");
        // The SSRF guard refuses this machine's own address at once (nothing is fetched); the page shows why.
        await _page.GetByLabel("Feed URL (RSS or Atom)").FillAsync("http://127.0.0.1:9/feed.xml");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add feed" }).ClickAsync();
        await Expect(_page.Locator("#add-error")).ToContainTextAsync("127.0.0.1");
        await Browser.ScreenshotAsync(_page, "sources");
        await CheckAccessibilityAsync("sources");
    }

    [Fact]
    public async Task Keyboard_alone_reaches_the_skip_link_and_the_pages_and_focus_follows_navigation()
    {
        await SignInAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeFocusedAsync();

        // Backwards from the page's heading: sign out, the four pages, then the skip link (first in reading order).
        await _page.Keyboard.PressAsync("Shift+Tab");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeFocusedAsync();
        foreach (var name in new[] { "Sources", "Subscriptions", "Events", "Inbox" })
        {
            await _page.Keyboard.PressAsync("Shift+Tab");
            await Expect(_page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeFocusedAsync();
        }

        await _page.Keyboard.PressAsync("Shift+Tab");
        var skip = _page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        Assert.True((await skip.BoundingBoxAsync())!.X >= 0, "the skip link is on screen when focused");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("main")).ToBeFocusedAsync();
        Assert.EndsWith("#/inbox", _page.Url);

        // Tab from the skip link's target to the pages, Enter opens one and focus lands on its heading.
        await _page.Keyboard.PressAsync("Shift+Tab");
        await _page.Keyboard.PressAsync("Shift+Tab");
        await _page.Keyboard.PressAsync("Shift+Tab");
        await Expect(_page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Subscriptions" })).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Subscriptions" })).ToBeFocusedAsync();
        await Expect(_page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Subscriptions" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Inbox_renders_500_alerts_with_a_fixed_number_of_requests_and_records_the_time()
    {
        var key = await _host.CreateAnalystAsync("Busy");
        using var busy = _host.Client(key);
        var subscription = await DeskHost.SubscribeAsync(busy, new { name = "Everything", query = "lang:en" });
        var analystId = subscription.GetProperty("analystId").GetString()!;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IAlertStore>();
            var start = DateTimeOffset.UtcNow.AddHours(-12);
            for (var i = 0; i < 500; i++)
            {
                await store.TryInsertAsync(new AlertRecord
                {
                    AlertId = $"alert-{i}", SubscriptionId = subscription.GetProperty("subscriptionId").GetString()!, AnalystId = analystId, StoryId = $"story-{i}",
                    ArticleId = $"article-{i}", Title = $"Ministers meet for talks, round {i}", Url = $"https://news.example/{i}",
                    Topics = ["diplomacy", i % 3 == 0 ? "sanctions" : "meetings-visits"], Countries = ["CHN", i % 2 == 0 ? "RUS" : "USA"],
                    Outlets = ["wire", $"outlet-{i % 7}"], ArticleCount = 1 + i % 4, ArticleIngestedAt = start.AddMinutes(i), RaisedAt = start.AddMinutes(i),
                    // As delivery leaves an alert of a subscription without channels; a pending one would be announced again by the
                    // sweeper (stalled since it was raised), and the page would fetch each announced alert while being timed.
                    DeliveryStatus = DeliveryStatus.NotRequired,
                }, null, Ct);
            }
        }

        await SignInAsync(key);
        var requests = new List<string>();
        _page.Request += (_, request) => { if (request.Url.Contains("/api/", StringComparison.Ordinal)) requests.Add(request.Method + " " + new Uri(request.Url).PathAndQuery); };
        await _page.GotoAsync("/#/events");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Events explorer" })).ToBeVisibleAsync();
        requests.Clear();

        var clock = Stopwatch.StartNew();
        await _page.GotoAsync("/#/inbox");
        await Expect(_page.Locator(".card")).ToHaveCountAsync(500);
        clock.Stop();
        var render = await _page.EvaluateAsync<double>("window.desk.inboxRenderMs");
        var load = await _page.EvaluateAsync<double>("window.desk.inboxLoadMs");
        var line = $"inbox, 500 alerts: cards rendered in {render:0} ms; fetched and rendered in {load:0} ms; navigation to 500 cards visible {clock.ElapsedMilliseconds} ms (Playwright); {requests.Count} API requests";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(Browser.Screenshots, "timing.txt"), $"{DateTimeOffset.UtcNow:u} {line}\n", Ct);

        // The figure is the line above (docs/desk.md quotes it with the load); the assertion only catches a render that
        // went quadratic, with room for a machine busy with other builds (1 s is the target on a quiet one).
        Assert.True(render < 5000, line);
        Assert.True(load < 5000, line);
        Assert.Equal(["GET /api/alerts/stream", "GET /api/alerts?limit=500", "GET /api/subscriptions"], requests.Order(StringComparer.Ordinal).ToList());

        // Filtering is done on what was loaded: no request per card, none at all.
        await _page.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("sanctions");
        await Expect(_page.Locator(".card")).ToHaveCountAsync(167);
        Assert.Equal(3, requests.Count);
        await Browser.ScreenshotAsync(_page, "inbox-500");
    }

    [Fact]
    public async Task Older_alerts_beyond_the_first_500_load_on_request_from_the_next_link()
    {
        var key = await _host.CreateAnalystAsync("Archivist");
        using var client = _host.Client(key);
        var subscription = await DeskHost.SubscribeAsync(client, new { name = "Everything", query = "lang:en" });
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IAlertStore>();
            var start = DateTimeOffset.UtcNow.AddDays(-3);
            for (var i = 0; i < 505; i++)
            {
                await store.TryInsertAsync(new AlertRecord
                {
                    AlertId = $"old-{i}", SubscriptionId = subscription.GetProperty("subscriptionId").GetString()!, AnalystId = subscription.GetProperty("analystId").GetString()!,
                    StoryId = $"old-story-{i}", ArticleId = $"old-article-{i}", Title = $"Envoys hold talks, day {i}", Url = $"https://news.example/old/{i}",
                    Topics = ["diplomacy"], Countries = ["FRA"], Outlets = ["wire"], ArticleCount = 1, ArticleIngestedAt = start.AddMinutes(i), RaisedAt = start.AddMinutes(i),
                    DeliveryStatus = DeliveryStatus.NotRequired,
                }, null, Ct);
            }
        }

        await SignInAsync(key);
        await Expect(_page.Locator(".card")).ToHaveCountAsync(500);
        await Expect(_page.Locator(".card").Last).ToContainTextAsync("day 5");
        var older = _page.GetByRole(AriaRole.Button, new() { Name = "Load older alerts" });
        await older.ClickAsync();
        await Expect(_page.Locator(".card")).ToHaveCountAsync(505);
        await Expect(_page.Locator(".card").Last).ToContainTextAsync("day 0");
        await Expect(older).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_page_that_answers_late_does_not_overwrite_the_page_the_analyst_moved_to()
    {
        await SignInAsync();
        var held = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        await _page.RouteAsync(url => url.Contains("/api/alerts?limit=500", StringComparison.Ordinal), async route =>
        {
            holding.TrySetResult();
            await held.Task;
            await route.ContinueAsync();
        });
        await _page.GotoAsync("/#/inbox?topic=diplomacy");
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await _page.GotoAsync("/#/subscriptions");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Subscriptions" })).ToBeVisibleAsync();
        held.SetResult();

        // The inbox's answer arrives after the subscriptions page rendered; give it time to (wrongly) paint.
        await _page.WaitForTimeoutAsync(1_000);
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Subscriptions" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToHaveCountAsync(0);
    }

    private Task SignInAsync(string? key = null) => DeskChecks.SignInAsync(_page, key ?? _key);

    private async Task<List<AlertRecord>> AlertsAsync() => (await _analyst.GetFromJsonAsync<List<AlertRecord>>("/api/alerts", Ct))!;

    private Task CheckAccessibilityAsync(string what) => DeskChecks.AccessibleAsync(_page, what);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static Task Eventually(Func<Task<bool>> condition) => DeskChecks.EventuallyAsync(condition);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Monitoring.sln not found");
    }
}
