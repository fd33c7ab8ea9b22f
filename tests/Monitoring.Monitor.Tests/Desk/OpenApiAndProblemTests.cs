using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.ServiceDefaults.Http;

namespace Monitoring.Monitor.Tests.Desk;

/// <summary>
/// Every service's OpenAPI document lists every endpoint it maps, with the key scheme and problem details for every
/// 4xx; and every endpoint, given bad input, answers RFC 9457 problem details with a detail. Endpoints are read from
/// the routing table, so a new one is covered without editing these tests.
/// </summary>
public sealed class OpenApiAndProblemTests
{
    private const string AdminKey = "problem-admin";
    private const string IngestAdminKey = "problem-ingest-admin";
    private const string WriteKey = "problem-write";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Services => new() { "ingest", "classify", "alert" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_mapped_endpoint_is_in_the_document_with_its_4xx_as_problem_details(string service)
    {
        await using var host = await StartAsync(service);
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync("/openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal("apiKey", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiDefaults.ApiKeyScheme).GetProperty("type").GetString());

        var endpoints = Endpoints(host).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var (method, pattern, _) in endpoints)
        {
            var path = pattern.RawText!.TrimEnd('/');
            var item = paths.EnumerateObject().FirstOrDefault(p => p.Name.TrimEnd('/') == path);
            Assert.True(item.Value.ValueKind == JsonValueKind.Object, $"{service}: {path} is not in the document");
            Assert.True(item.Value.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{service}: {method} {path} is not in the document");
            var errors = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            Assert.True(errors.Count > 0, $"{service}: {method} {path} declares no 4xx");
            foreach (var error in errors)
            {
                Assert.True(
                    error.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var problem)
                    && problem.TryGetProperty("schema", out _),
                    $"{service}: {method} {path} {error.Name} has no problem-details schema");
            }
        }

        if (service == "alert")
        {
            var create = paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/subscriptions").Value.GetProperty("post");
            Assert.True(create.TryGetProperty("security", out _), "the key scheme is on the analyst endpoints");
            Assert.Contains("SubscriptionRequest", document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name));
            Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SubscriptionRequest").TryGetProperty("examples", out _));
        }
    }

    [Fact]
    public async Task Bad_input_on_every_endpoint_answers_problem_details_with_a_detail()
    {
        await using var host = await StartAsync("all");

        // A client of its own: each attempt sends exactly the key it names, or none.
        using var http = new HttpClient { BaseAddress = host.Address };
        var refused = new Dictionary<string, int>();
        foreach (var (method, pattern, key) in Endpoints(host))
        {
            var path = pattern.RawText!;
            foreach (var parameter in pattern.Parameters) path = path.Replace("{" + parameter.Name + "}", "no-such-id", StringComparison.Ordinal);
            var name = $"{method} {pattern.RawText}";
            var attempts = new List<HttpRequestMessage>();
            if (key is not null)
            {
                attempts.Add(Request(method, path, "wrong-key", null));
                attempts.Add(Request(method, path, null, null));
            }

            if (!path.EndsWith("/stream", StringComparison.Ordinal))
            {
                var goodKey = key ?? WriteKey;
                attempts.Add(Request(method, path + "?limit=0&days=0&since=not-a-date&pair=XX&quad=9&root=99", goodKey, null));
                if (method is "POST" or "PUT")
                {
                    attempts.Add(Request(method, path, goodKey, new StringContent("{\"name\": ", Encoding.UTF8, "application/json")));
                    attempts.Add(Request(method, path, goodKey, new StringContent("a,b\n1,2", Encoding.UTF8, "text/csv")));
                    attempts.Add(Request(method, path, goodKey, new StringContent("{}", Encoding.UTF8, "application/json")));
                }
            }

            foreach (var attempt in attempts)
            {
                using var response = await http.SendAsync(attempt, Ct);
                if ((int)response.StatusCode < 400) continue;
                await Problems.AssertAsync(response, response.StatusCode);
                refused[name] = refused.GetValueOrDefault(name) + 1;
            }

            Assert.True(refused.ContainsKey(name), $"{name}: no bad input was refused");
        }

        using var unknown = await http.GetAsync("/api/no-such-thing", Ct);
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound, "/api/no-such-thing");
        using var wrongMethod = await http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/subscriptions"), Ct);
        await Problems.AssertAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
        Assert.True(refused.Count >= 30, $"only {refused.Count} endpoints tried");
    }

    private static HttpRequestMessage Request(string method, string path, string? key, HttpContent? content)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    /// <summary>Every /api endpoint the host maps and documents, by method, with the key that may call it (null: none needed here).</summary>
    private static IEnumerable<(string Method, Microsoft.AspNetCore.Routing.Patterns.RoutePattern Pattern, string? Key)> Endpoints(ServiceHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal) && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, e.RoutePattern, KeyFor(e))))
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal);

    private static string? KeyFor(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null) switch
        {
            Alert.AlertExtensions.AdminPolicy => AdminKey,
            Alert.AlertExtensions.AnalystPolicy => AnalystKey,
            _ when endpoint.Metadata.GetMetadata<RequiresApiKeyMetadata>() is null => null,
            _ when endpoint.RoutePattern.RawText!.StartsWith("/api/sources", StringComparison.Ordinal)
                || endpoint.RoutePattern.RawText.StartsWith("/api/channels", StringComparison.Ordinal) => IngestAdminKey,
            _ => WriteKey,
        };

    private static string AnalystKey => "problem-analyst-key";

    private static async Task<ServiceHost> StartAsync(string service)
    {
        var settings = TestSettings.InMemory("openapi-" + service);
        settings["Alert:AdminApiKey"] = AdminKey;
        settings["Ingest:AdminApiKey"] = IngestAdminKey;
        settings["Access:WriteKeys:0"] = WriteKey;
        settings["Access:RateLimitPermits"] = "100000";
        var host = service switch
        {
            "ingest" => await ServiceHost.IngestAsync(settings),
            "classify" => await ServiceHost.ClassifyAsync(settings),
            "alert" => await ServiceHost.AlertAsync(settings),
            _ => await ServiceHost.AllAsync(settings),
        };
        if (service is "alert" or "all")
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Alert.Analysts.AnalystRegistry>().CreateAsync("Problem", AnalystKey, Ct);
        }

        return host;
    }
}
