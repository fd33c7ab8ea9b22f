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
        foreach (var (method, pattern) in endpoints)
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
                "GET /api/alerts/{alertId}", "POST /api/alerts/{alertId}/feedback",
            },
            tried.ToHashSet());

        var unchanged = await alice.GetFromJsonAsync<JsonElement>($"/api/subscriptions/{subscriptionId}", Ct);
        Assert.Equal("Alice's", unchanged.GetProperty("name").GetString());
        var alert = await alice.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}", Ct);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("notRelevantAt").ValueKind);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!);
    }
}
