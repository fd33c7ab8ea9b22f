using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.Alert.Matching.Language;

namespace Monitoring.Alert.Tests.Alerts;

/// <summary>What the API refuses: bad expressions (422 naming the position), fields a client may not set, too many subscriptions or requests.</summary>
public sealed class AlertApiLimitsTests : IAsyncLifetime
{
    private const string AdminKey = "limits-admin";
    private ServiceHost _alert = null!;
    private AlertClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("limits");
        settings["Alert:AdminApiKey"] = AdminKey;
        settings["Alert:MaxSubscriptionsPerAnalyst"] = "2";
        settings["Access:RateLimitPermits"] = "12";
        settings["Access:RateLimitWindow"] = "00:01:00";
        _alert = await ServiceHost.AlertAsync(settings);
        _client = new AlertClient(_alert, AdminKey);
    }

    public ValueTask DisposeAsync() => _alert.DisposeAsync();

    [Fact]
    public async Task A_query_that_does_not_parse_is_refused_with_422_naming_the_position_and_what_was_expected()
    {
        var (alice, _) = await _client.CreateAnalystAsync("Alice");

        using var response = await alice.PostAsJsonAsync("/api/subscriptions", new { name = "n", query = "(country:RUS OR country:Russia) AND" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(25, problem.GetProperty("position").GetInt32());
        Assert.Equal("an ISO 3166 alpha-3 country code such as RUS", problem.GetProperty("expected").GetString());
        Assert.Equal("'Russia'", problem.GetProperty("found").GetString());
        Assert.Equal("Position 25: expected an ISO 3166 alpha-3 country code such as RUS but found 'Russia'.", problem.GetProperty("errors").GetProperty("query")[0].GetString());
    }

    [Fact]
    public async Task Expressions_too_long_or_too_deep_are_refused()
    {
        var (alice, _) = await _client.CreateAnalystAsync("Alice");

        using var tooLong = await alice.PostAsJsonAsync("/api/subscriptions", new { name = "n", query = string.Join(" OR ", Enumerable.Repeat("diplomacy", 400)) }, Ct);
        using var tooDeep = await alice.PostAsJsonAsync("/api/subscriptions", new { name = "n", query = new string('(', 20) + "a" + new string(')', 20) }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains($"at most {QueryParser.MaxLength} characters", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooDeep.StatusCode);
        Assert.Equal(QueryParser.MaxDepth + 1, (await tooDeep.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task Owner_id_secret_and_counters_in_a_request_body_are_ignored()
    {
        var (alice, aliceId) = await _client.CreateAnalystAsync("Alice");

        var created = await AlertClient.SubscribeAsync(alice, new
        {
            name = "n", query = "topic:diplomacy", analystId = "someone-else", subscriptionId = "chosen-id", signingSecret = "whsec_mine",
            createdAt = "2001-01-01T00:00:00Z", role = "admin",
        });
        var id = created.GetProperty("subscriptionId").GetString();
        using var update = await alice.PutAsJsonAsync($"/api/subscriptions/{id}", new { name = "m", query = "topic:sanctions", analystId = "someone-else" }, Ct);
        update.EnsureSuccessStatusCode();
        using var feedback = await alice.PostAsJsonAsync("/api/alerts/none/feedback", new { relevant = false, analystId = aliceId, articleCount = 99 }, Ct);

        Assert.Equal(aliceId, created.GetProperty("analystId").GetString());
        Assert.NotEqual("chosen-id", id);
        Assert.NotEqual("whsec_mine", created.GetProperty("signingSecret").GetString());
        Assert.NotEqual(2001, created.GetProperty("createdAt").GetDateTimeOffset().Year);
        var updated = await update.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((aliceId, "m"), (updated.GetProperty("analystId").GetString(), updated.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, feedback.StatusCode);
    }

    [Fact]
    public async Task An_analyst_may_hold_only_so_many_subscriptions()
    {
        var (alice, _) = await _client.CreateAnalystAsync("Alice");
        await AlertClient.SubscribeAsync(alice, new { name = "1", query = "a" });
        await AlertClient.SubscribeAsync(alice, new { name = "2", query = "b" });

        using var third = await alice.PostAsJsonAsync("/api/subscriptions", new { name = "3", query = "c" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, third.StatusCode);
        Assert.Contains("at most 2 subscriptions", await third.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit_and_beyond_it_gets_429_with_retry_after()
    {
        var (alice, _) = await _client.CreateAnalystAsync("Alice");
        var (bob, _) = await _client.CreateAnalystAsync("Bob");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 13; i++)
        {
            var response = await alice.GetAsync("/api/subscriptions", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 12).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.InRange(refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        refused.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/subscriptions", Ct)).StatusCode);
    }

    [Fact]
    public async Task Channels_and_schedules_are_validated()
    {
        var (alice, _) = await _client.CreateAnalystAsync("Alice");

        foreach (var (body, field) in new[]
        {
            ("""{"name":"n","query":"a","channels":[{"type":"email","target":"not-an-address"}]}""", "channels"),
            ("""{"name":"n","query":"a","channels":[{"type":"slack","target":"ftp://x"}]}""", "channels"),
            ("""{"name":"n","query":"a","schedule":{"kind":"daily","at":"08:00","timeZone":"Mars/Olympus"}}""", "schedule"),
            ("""{"name":"n","query":"a","quietHours":{"from":"22:00","to":"22:00","timeZone":"Europe/Paris"}}""", "quietHours"),
            ("""{"name":"n","query":"a","urgentQuery":"event:x"}""", "urgentQuery"),
        })
        {
            using var response = await alice.PostAsync("/api/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _), $"{body} names {field}");
        }
    }
}
