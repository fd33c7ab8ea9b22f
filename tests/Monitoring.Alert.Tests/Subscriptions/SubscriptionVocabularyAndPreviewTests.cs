using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Matching;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Subscriptions;

/// <summary>Subscriptions that cannot fail silently: unknown terms refused with suggestions, the lists to pick from, the preview, feedback that can be undone and exported.</summary>
public sealed class SubscriptionVocabularyAndPreviewTests : IAsyncLifetime
{
    private const string AdminKey = "test-admin-key";
    private ServiceHost _alert = null!;
    private AlertClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("alert-vocabulary");
        settings["Alert:AdminApiKey"] = AdminKey;
        _alert = await ServiceHost.AlertAsync(settings);
        _client = new AlertClient(_alert, AdminKey);
    }

    public ValueTask DisposeAsync() => _alert.DisposeAsync();

    [Theory]
    [InlineData("topic:sanctionz AND country:IRN", 7, "sanctions")]
    [InlineData("topic:counter-terorism", 7, "counter-terrorism")]
    [InlineData("country:IRN AND country:RUZ", 25, "RUS")]
    [InlineData("country:XXX", 9, null)]
    [InlineData("event:999", 7, null)]
    [InlineData("lang:ry", 6, "ru")]
    public async Task An_unknown_term_in_a_query_is_refused_with_its_position_and_the_nearest_valid_values(string query, int position, string? suggestion)
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");

        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", new { name = "n", query }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(position, problem.GetProperty("position").GetInt32());
        var suggestions = problem.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ToList();
        if (suggestion is null) return;
        Assert.Contains(suggestion, suggestions);
        Assert.Contains($"did you mean '{suggestion}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_topics_and_countries_in_the_lists_and_wildcards_are_refused()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");

        var topics = await RefusedAsync(analyst, new { name = "n", topics = new[] { "sanctionz" } });
        var countries = await RefusedAsync(analyst, new { name = "n", countries = new[] { "XXX" } });
        var wildcard = await RefusedAsync(analyst, new { name = "n", query = "terror* AND country:IRN" });
        var keyword = await RefusedAsync(analyst, new { name = "n", keywords = new[] { "terror*" } });

        Assert.Contains("did you mean 'sanctions'", topics.GetProperty("errors").GetProperty("topics")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown country code 'XXX'", countries.GetProperty("errors").GetProperty("countries")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(7, wildcard.GetProperty("position").GetInt32());
        Assert.Contains("wildcards are not supported", wildcard.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("wildcards are not supported", keyword.GetProperty("errors").GetProperty("keywords")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!);
    }

    [Fact]
    public async Task Known_terms_are_accepted()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");

        await AlertClient.SubscribeAsync(analyst, new { name = "n", query = "topic:sanctions AND country:IRN AND (event:06 OR quad:material-conflict) AND lang:en", topics = new[] { "crime-justice" } });
    }

    [Fact]
    public async Task The_lists_a_picker_needs_are_served_with_names_and_descriptions()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");
        using var anonymous = _client.Client(null);

        var topics = (await analyst.GetFromJsonAsync<JsonElement[]>("/api/vocabulary/topics", Ct))!;
        var russia = (await analyst.GetFromJsonAsync<JsonElement[]>("/api/vocabulary/countries?q=russia", Ct))!;
        var cameo = (await analyst.GetFromJsonAsync<JsonElement[]>("/api/vocabulary/cameo?q=0", Ct))!;
        var organisations = (await analyst.GetFromJsonAsync<JsonElement[]>("/api/vocabulary/organisations", Ct))!;
        using var unknown = await analyst.GetAsync("/api/vocabulary/planets", Ct);

        var sanctions = topics.Single(t => t.GetProperty("id").GetString() == "sanctions");
        Assert.False(string.IsNullOrWhiteSpace(sanctions.GetProperty("description").GetString()));
        Assert.Contains(topics, t => t.GetProperty("id").GetString() == "crime-justice");
        Assert.Equal("RUS", Assert.Single(russia).GetProperty("id").GetString());
        Assert.Contains(cameo, c => c.GetProperty("id").GetString() == "061");
        Assert.Contains(organisations, o => o.GetProperty("id").GetString() == "NATO");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/vocabulary/topics", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_vocabulary_list_comes_a_page_at_a_time_when_asked_and_the_pages_make_the_whole_list()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");
        var whole = (await analyst.GetFromJsonAsync<JsonElement[]>("/api/vocabulary/countries", Ct))!.Select(c => c.GetProperty("id").GetString()).ToList();

        var paged = new List<string?>();
        var pages = 0;
        for (string? next = "/api/vocabulary/countries?limit=50"; next is not null; pages++)
        {
            using var response = await analyst.GetAsync(next, Ct);
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<JsonElement[]>(Ct))!;
            Assert.True(page.Length <= 50);
            paged.AddRange(page.Select(c => c.GetProperty("id").GetString()));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        Assert.True(pages > 1, $"{whole.Count} countries in {pages} page(s)");
        Assert.Equal(whole, paged);
        using var forged = await analyst.GetAsync("/api/vocabulary/countries?limit=5&after=bm9wZQ", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_preview_shows_what_the_query_would_have_matched_with_the_terms_that_matched_and_the_topic_evidence()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");
        await ReceiveAsync(Article("a1", "sanctions", "IRN", Now), Now);
        await ReceiveAsync(Article("a2", "diplomacy", "IRN", Now), Now);

        var preview = await PreviewAsync(analyst, new { query = "topic:sanctions AND country:IRN" });

        Assert.Equal(2, preview.GetProperty("scanned").GetInt32());
        var match = Assert.Single(preview.GetProperty("matches").EnumerateArray());
        Assert.Equal("a1", match.GetProperty("articleId").GetString());
        Assert.Equal(["topic:sanctions", "country:IRN"], match.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("sanctions", match.GetProperty("topics")[0].GetProperty("evidence")[0].GetProperty("text").GetString());
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!);
    }

    [Fact]
    public async Task A_preview_is_bounded_in_days_and_matches_and_needs_an_analyst()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("Ana");
        var now = Now;
        await ReceiveAsync(Article("old", "sanctions", "IRN", now.AddDays(-10)), now.AddDays(-10));
        for (var i = 0; i < 3; i++) await ReceiveAsync(Article($"new{i}", "sanctions", "IRN", now), now.AddMinutes(-i));
        using var anonymous = _client.Client(null);

        var week = await PreviewAsync(analyst, new { topics = new[] { "sanctions" } }, "?limit=2");
        var month = await PreviewAsync(analyst, new { topics = new[] { "sanctions" } }, "?days=30");
        using var tooFar = await analyst.PostAsJsonAsync("/api/subscriptions/preview?days=365", new { topics = new[] { "sanctions" } }, Ct);
        using var tooMany = await analyst.PostAsJsonAsync("/api/subscriptions/preview?limit=100000", new { topics = new[] { "sanctions" } }, Ct);
        using var unauthenticated = await anonymous.PostAsJsonAsync("/api/subscriptions/preview", new { topics = new[] { "sanctions" } }, Ct);
        using var invalid = await analyst.PostAsJsonAsync("/api/subscriptions/preview", new { query = "topic:sanctionz" }, Ct);

        Assert.Equal(3, week.GetProperty("matched").GetInt32());
        Assert.Equal(["new0", "new1"], week.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("articleId").GetString()));
        Assert.Equal(4, month.GetProperty("matched").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
    }

    [Fact]
    public async Task Not_relevant_can_be_undone_and_verdicts_are_exported_per_topic_for_their_analyst_only()
    {
        var (ana, _) = await _client.CreateAnalystAsync("Ana");
        var (bob, _) = await _client.CreateAnalystAsync("Bob");
        var subscription = (await AlertClient.SubscribeAsync(ana, new { name = "n", topics = new[] { "sanctions", "diplomacy" } })).GetProperty("subscriptionId").GetString()!;
        await ReceiveAsync(Article("s1", "sanctions", "IRN", Now), Now);
        await ReceiveAsync(Article("d1", "diplomacy", "IRN", Now), Now);
        var sanctionsAlert = AlertRaiser.AlertIdFor(subscription, "s1");
        var diplomacyAlert = AlertRaiser.AlertIdFor(subscription, "d1");

        await FeedbackAsync(ana, sanctionsAlert, new { relevant = false, comment = "old news" });
        await FeedbackAsync(ana, diplomacyAlert, new { relevant = false });
        var before = await ExportAsync(ana, "?topic=sanctions");
        await FeedbackAsync(ana, sanctionsAlert, new { relevant = true });
        var afterUndo = await ExportAsync(ana, "?topic=sanctions");
        using var cleared = await ana.DeleteAsync($"/api/alerts/{diplomacyAlert}/feedback", Ct);
        using var notBobs = await bob.DeleteAsync($"/api/alerts/{sanctionsAlert}/feedback", Ct);

        Assert.False(Assert.Single(before).GetProperty("relevant").GetBoolean());
        Assert.Equal("old news", before[0].GetProperty("comment").GetString());
        var verdict = Assert.Single(afterUndo);
        Assert.True(verdict.GetProperty("relevant").GetBoolean());
        Assert.Equal("Iran sanctions s1 text", verdict.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(["s1"], (await ExportAsync(ana, "")).Select(v => v.GetProperty("articleId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, notBobs.StatusCode);
        Assert.Empty(await ExportAsync(bob, ""));
        Assert.Null((await AlertClient.AlertsAsync(ana)).Single(a => a.AlertId == sanctionsAlert).NotRelevantAt);
    }

    private DateTimeOffset Now => _alert.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private static ArticleClassified Article(string id, string topic, string country, DateTimeOffset at) => new()
    {
        ArticleId = id, StoryId = id, Title = "Title " + id, Text = $"Iran {topic} {id} text", Language = "en", IngestedAt = at, ClassifiedAt = at,
        Topics = [new TopicScore { Id = topic, Score = 6, Evidence = [new MatchEvidence { Rule = $"{topic}/terms/{topic}", Text = topic, Start = 5, End = 5 + topic.Length, Weight = 6 }] }],
        Countries = [country],
    };

    private async Task ReceiveAsync(ArticleClassified article, DateTimeOffset at)
    {
        await using var scope = _alert.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Monitoring.Alert.Preview.IRecentArticleStore>()
            .AddAsync(new Monitoring.Alert.Preview.RecentArticle(article, at), at.AddYears(-1), Ct);
        await scope.ServiceProvider.GetRequiredService<AlertRaiser>().RaiseAsync(article, Ct);
    }

    private static async Task<JsonElement> RefusedAsync(HttpClient analyst, object request)
    {
        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", request, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> PreviewAsync(HttpClient analyst, object request, string parameters = "")
    {
        using var response = await analyst.PostAsJsonAsync("/api/subscriptions/preview" + parameters, request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private static async Task FeedbackAsync(HttpClient analyst, string alertId, object verdict)
    {
        using var response = await analyst.PostAsJsonAsync($"/api/alerts/{alertId}/feedback", verdict, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<JsonElement[]> ExportAsync(HttpClient analyst, string parameters) =>
        (await analyst.GetFromJsonAsync<JsonElement[]>("/api/feedback" + parameters, Ct))!;
}
