using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Matching;
using Monitoring.Classify.Coding;
using Monitoring.Contracts;

namespace Monitoring.Monitor.Tests.Desk;

/// <summary>What the desk needs beyond the first API: read state, an alert's article with its evidence, pausing, events per day, the CSV export, a story's events and articles.</summary>
public sealed class DeskApiTests : IAsyncLifetime
{
    private const string AdminKey = "desk-admin";
    private ServiceHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("desk-api");
        settings["Alert:AdminApiKey"] = AdminKey;
        _host = await ServiceHost.AllAsync(settings);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_alert_is_marked_read_and_unread_and_its_article_comes_with_its_evidence()
    {
        var client = new AlertClient(_host, AdminKey);
        var (alice, _) = await client.CreateAnalystAsync("Alice");
        var subscription = await AlertClient.SubscribeAsync(alice, new { name = "Diplomacy", query = "topic:diplomacy" });
        var article = AlertClient.Article("article-1", text: "Text of the article.") with
        {
            Topics = [new TopicScore { Id = "diplomacy", Score = 5, Evidence = [new MatchEvidence { Rule = "diplomacy/terms/talks", Text = "Text", Start = 0, End = 4, Weight = 5 }] }],
        };
        await client.PublishAsync(article);
        var alertId = AlertRaiser.AlertIdFor(subscription.GetProperty("subscriptionId").GetString()!, "article-1");
        await Eventually.HoldsAsync(async () => (await alice.GetAsync($"/api/alerts/{alertId}/article", Ct)).IsSuccessStatusCode, "the desk sees it");

        Assert.Null((await AlertClient.AlertsAsync(alice)).Single().ReadAt);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PutAsync($"/api/alerts/{alertId}/read", null, Ct)).StatusCode);
        Assert.NotNull((await AlertClient.AlertsAsync(alice)).Single().ReadAt);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/alerts/{alertId}/read", Ct)).StatusCode);
        Assert.Null((await AlertClient.AlertsAsync(alice)).Single().ReadAt);

        var shown = await alice.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}/article", Ct);
        Assert.Equal("Text of the article.", shown.GetProperty("text").GetString());
        Assert.Equal("diplomacy/terms/talks", shown.GetProperty("topics")[0].GetProperty("evidence")[0].GetProperty("rule").GetString());

        using var unknown = await alice.PutAsync("/api/alerts/nope/read", null, Ct);
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound, "nope");
    }

    [Fact]
    public async Task A_paused_subscription_raises_nothing_until_it_is_resumed()
    {
        var client = new AlertClient(_host, AdminKey);
        var (alice, _) = await client.CreateAnalystAsync("Alice");
        var created = await AlertClient.SubscribeAsync(alice, new { name = "Paused", query = "topic:diplomacy", paused = true });
        var id = created.GetProperty("subscriptionId").GetString();
        Assert.True(created.GetProperty("paused").GetBoolean());

        // A second analyst's live subscription to the same articles shows when the first article has been matched,
        // so the resume below cannot overtake it (matching raises every subscription's alert in one pass).
        var (bob, _) = await client.CreateAnalystAsync("Bob");
        await AlertClient.SubscribeAsync(bob, new { name = "Live", query = "topic:diplomacy" });

        await client.PublishAsync(AlertClient.Article("while-paused"));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(bob)).Any(a => a.ArticleId == "while-paused"), "the article was matched while paused");
        using (var resumed = await alice.PutAsJsonAsync($"/api/subscriptions/{id}", new { name = "Paused", query = "topic:diplomacy", paused = false }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        }

        await client.PublishAsync(AlertClient.Article("after-resume"));
        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(alice)).Count > 0, "the desk sees it");
        await Task.Delay(300, Ct);
        Assert.Equal(["after-resume"], (await AlertClient.AlertsAsync(alice)).Select(a => a.ArticleId));
    }

    [Fact]
    public async Task Events_per_day_by_quad_class_the_csv_export_and_a_story_s_events_and_articles()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ICodedEventStore>();
            await store.InsertAsync(
            [
                Coded("a1", "story-1", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "CHNGOV", "RUS", "040", 1, 1.0, "Leaders met, \"cordially\", in Moscow."),
                Coded("a1", "story-1", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "RUS", "CHN", "036", 1, 4.0, "Russia offered to host talks."),
                Coded("a2", "story-2", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "RUSMIL", "CHN", "190", 4, -10.0, "=HYPERLINK(\"x\") fighting"),
                Coded("a3", "story-3", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "USA", "IRN", "111", 3, -2.0, "The US criticised Iran."),
            ], Ct);
        }

        var http = _host.Http;
        var days = await http.GetFromJsonAsync<JsonElement[]>("/api/events/daily?pair=RUS-CHN&since=2026-11-01T00:00:00Z&until=2026-12-01T00:00:00Z", Ct);
        Assert.Equal(
            ["2026-11-20 q1 n2 g2.5", "2026-11-21 q4 n1 g-10"],
            days!.Select(d => $"{d.GetProperty("day").GetString()} q{d.GetProperty("quadClass").GetInt32()} n{d.GetProperty("count").GetInt32()} g{d.GetProperty("meanGoldstein").GetDouble()}"));
        Assert.Single((await http.GetFromJsonAsync<JsonElement[]>("/api/events/daily?country=IRN", Ct))!);

        var oneDay = await http.GetFromJsonAsync<JsonElement[]>("/api/events/coded?pair=CHN-RUS&since=2026-11-21T00:00:00Z&until=2026-11-22T00:00:00Z&quad=4", Ct);
        Assert.Equal("=HYPERLINK(\"x\") fighting", oneDay!.Single().GetProperty("sentence").GetString());
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonElement[]>("/api/events/coded?story=story-1", Ct))!.Length);

        using var export = await http.GetAsync("/api/events/export?pair=CHN-RUS", Ct);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', GdeltCsv.Columns), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("a2:RUSMIL:CHN:190,20261121,RUSMIL,RUSMIL name,RUS,MIL,CHN,", lines[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\") fighting\",", lines[1]);
        Assert.Contains(",\"Leaders met, \"\"cordially\"\", in Moscow.\",", lines[2]);

        using var invalid = await http.GetAsync("/api/events/daily?pair=CHINA&since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z", Ct);
        var problem = await Problems.AssertAsync(invalid, HttpStatusCode.BadRequest, "pair must be two ISO-3 codes");
        Assert.Contains("until must be later than since", problem.GetProperty("detail").GetString());
        using var badDate = await http.GetAsync("/api/events/export?since=yesterday", Ct);
        await Problems.AssertAsync(badDate, HttpStatusCode.BadRequest, "yesterday");
    }

    [Fact]
    public async Task A_story_s_classified_articles_are_listed_by_story()
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.Combine("seeds", "000_780a307ae76c99fd.txt"), Ct);
        using var first = await _host.Http.PostAsync("/api/articles?source=cgtn", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);
        var storyId = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("storyId").GetString()!;
        using var second = await _host.Http.PostAsync("/api/articles?source=tass", new StringContent(text + "\n\nThey will meet again next year.", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(storyId, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("storyId").GetString());

        await Eventually.HoldsAsync(async () => (await _host.Http.GetFromJsonAsync<JsonElement[]>($"/api/classified-articles?story={storyId}", Ct))!.Length == 2, "the desk sees it");
        var articles = await _host.Http.GetFromJsonAsync<JsonElement[]>($"/api/classified-articles?story={storyId}", Ct);
        Assert.Equal(["cgtn", "tass"], articles!.Select(a => a.GetProperty("source").GetString()).Order());
        Assert.NotEmpty((await _host.Http.GetFromJsonAsync<JsonElement[]>($"/api/events/coded?story={storyId}", Ct))!);
        Assert.Empty((await _host.Http.GetFromJsonAsync<JsonElement[]>("/api/classified-articles?story=another", Ct))!);
    }

    private static CodedEventDocument Coded(string article, string story, DateTimeOffset at, string actor1, string actor2, string code, int quad, double goldstein, string sentence) => new()
    {
        EventId = $"{article}:{actor1}:{actor2}:{code}", ArticleId = article, StoryId = story, SourceName = "outlet", SourceUrl = "https://news.example/" + article,
        DateAdded = at, Actor1Code = actor1, Actor1Name = actor1 + " name", Actor1CountryCode = actor1[..3], Actor1Type1Code = actor1.Length > 3 ? actor1[3..] : null,
        Actor2Code = actor2, Actor2Name = actor2 + " name", Actor2CountryCode = actor2[..3], EventCode = code, EventBaseCode = code[..3], EventRootCode = code[..2],
        QuadClass = quad, GoldsteinScale = goldstein, IsRootEvent = true, NumMentions = 1, Sentence = sentence, SentenceStart = 0, Trigger = "met", TriggerStart = 0,
    };
}
