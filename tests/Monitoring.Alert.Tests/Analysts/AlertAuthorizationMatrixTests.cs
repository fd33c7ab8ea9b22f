using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Matching;

namespace Monitoring.Alert.Tests.Analysts;

/// <summary>
/// Every endpoint of the alert API that takes an id, found from the routing table (so a new one is covered without
/// editing this test): analyst B using analyst A's ids gets 404 on every verb, and A's data is unchanged.
/// </summary>
public sealed class AlertAuthorizationMatrixTests : IAsyncLifetime
{
    private const string AdminKey = "matrix-admin";
    private ServiceHost _alert = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("matrix");
        settings["Alert:AdminApiKey"] = AdminKey;
        _alert = await ServiceHost.AlertAsync(settings);
    }

    public ValueTask DisposeAsync() => _alert.DisposeAsync();

    [Fact]
    public async Task Another_analyst_s_ids_answer_404_on_every_verb_of_every_endpoint_with_an_id()
    {
        var client = new AlertClient(_alert, AdminKey);
        var (alice, _) = await client.CreateAnalystAsync("Alice");
        var (bob, _) = await client.CreateAnalystAsync("Bob");
        var subscription = await AlertClient.SubscribeAsync(alice, new { name = "Alice's", query = "topic:diplomacy" });
        var subscriptionId = subscription.GetProperty("subscriptionId").GetString()!;
        await using (var scope = _alert.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertRaiser>().RaiseAsync(AlertClient.Article("article-1"), Ct);
        }

        var alertId = AlertRaiser.AlertIdFor(subscriptionId, "article-1");
        var ids = new Dictionary<string, string> { ["subscriptionId"] = subscriptionId, ["alertId"] = alertId };

        var endpoints = _alert.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Pattern: e.RoutePattern)))
            .ToList();
        var tried = new List<string>();
        // What every analyst reads alike, as the stories and events themselves: no analyst's own record behind the id.
        var shared = new HashSet<string> { "GET /api/stories/{storyId}/sides" };
        foreach (var (method, pattern) in endpoints.Where(e => !shared.Contains($"{e.Method} {e.Pattern.RawText}")))
        {
            var path = pattern.RawText!;
            foreach (var parameter in pattern.Parameters)
            {
                Assert.True(ids.TryGetValue(parameter.Name, out var id), $"{method} {pattern.RawText}: the matrix has no id for '{parameter.Name}'; add one");
                path = path.Replace("{" + parameter.Name + "}", id, StringComparison.Ordinal);
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent("""{"name":"taken over","query":"topic:sport","relevant":false,"comment":"x"}""", Encoding.UTF8, "application/json"),
            };
            using var response = await bob.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {pattern.RawText} as another analyst: {(int)response.StatusCode}");
            tried.Add($"{method} {pattern.RawText}");
        }

        // The matrix covers what the API offers today, at least.
        Assert.Superset(
            new HashSet<string>
            {
                "GET /api/subscriptions/{subscriptionId}", "PUT /api/subscriptions/{subscriptionId}", "DELETE /api/subscriptions/{subscriptionId}",
                "GET /api/alerts/{alertId}", "POST /api/alerts/{alertId}/feedback", "DELETE /api/alerts/{alertId}/feedback",
                "GET /api/alerts/{alertId}/article", "PUT /api/alerts/{alertId}/read", "DELETE /api/alerts/{alertId}/read",
            },
            tried.ToHashSet());

        // Endpoints without an id (lists, the feedback export, the vocabulary, the preview): what another analyst reads
        // holds none of Alice's ids, while Alice's own lists do. Read from the routing table like the rest.
        using (var verdict = await alice.PostAsJsonAsync($"/api/alerts/{alertId}/feedback", new { relevant = true, comment = "verdict-of-alice" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, verdict.StatusCode);
        }

        var seenByAlice = new List<string>();
        var withoutId = _alert.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0 && e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.EndsWith("/stream", StringComparison.Ordinal)
                && e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == Alert.AlertExtensions.AnalystPolicy))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Path: e.RoutePattern.RawText!)))
            .Where(e => e.Method == "GET" || e.Path.EndsWith("/preview", StringComparison.Ordinal))
            .ToList();
        foreach (var (method, path) in withoutId)
        {
            var asBob = await ReadAsync(bob, method, path);
            Assert.True(asBob.Status == HttpStatusCode.OK, $"{method} {path} as another analyst: {(int)asBob.Status} {asBob.Body}");
            foreach (var secret in new[] { subscriptionId, alertId, "verdict-of-alice" })
            {
                Assert.False(asBob.Body.Contains(secret, StringComparison.Ordinal), $"{method} {path} shows another analyst '{secret}'");
            }

            var asAlice = await ReadAsync(alice, method, path);
            Assert.Equal(HttpStatusCode.OK, asAlice.Status);
            if (asAlice.Body.Contains(alertId, StringComparison.Ordinal) || asAlice.Body.Contains(subscriptionId, StringComparison.Ordinal)) seenByAlice.Add($"{method} {path}");
        }

        // The test can fail: Alice's own lists and export carry her ids.
        Assert.Superset(new HashSet<string> { "GET /api/alerts/", "GET /api/subscriptions/", "GET /api/feedback" }, seenByAlice.ToHashSet());
        Assert.Contains("POST /api/subscriptions/preview", withoutId.Select(e => $"{e.Method} {e.Path}"));
        Assert.Contains("GET /api/vocabulary/topics", withoutId.Select(e => $"{e.Method} {e.Path}"));

        var unchanged = await alice.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscriptionId}", Ct);
        Assert.Equal("Alice's", unchanged.GetProperty("name").GetString());
        var alert = await alice.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}", Ct);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("notRelevantAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("readAt").ValueKind);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadAsync(HttpClient analyst, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new StringContent("""{"name":"probe","query":"topic:diplomacy"}""", Encoding.UTF8, "application/json");
        using var response = await analyst.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
