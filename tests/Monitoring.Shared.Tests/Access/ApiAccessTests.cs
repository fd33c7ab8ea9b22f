using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Monitoring.Shared.Tests.Access;

/// <summary>
/// Ingest and classify take API keys: a write key posts (and reads), a read key only reads, nothing without one. Reading
/// is rate-limited per caller; posting is not, but is admitted only while the service has room, beyond which it is 503.
/// </summary>
public sealed class ApiAccessTests : IAsyncLifetime
{
    private LoopbackServer _pages = null!;
    private ServiceHost _ingest = null!;
    private ServiceHost _classify = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _pages = await LoopbackServer.StartAsync();
        var ingest = TestSettings.InMemory("access-ingest");
        ingest["Access:RateLimitPermits"] = "3";
        ingest["Ingest:MaxConcurrentRequests"] = "1";
        ingest["Ingest:MaxQueuedRequests"] = "0";
        ingest["Ingest:Feeds:SchedulerEnabled"] = "false";
        ingest["Ingest:Feeds:HostMinInterval"] = "00:00:00";
        ingest["Safety:Clients:ingest-fetch:AllowedUrls:0"] = _pages.Url("/slow").AbsoluteUri;
        _ingest = await ServiceHost.IngestAsync(ingest);
        var classify = TestSettings.InMemory("access-classify");
        classify["Access:RateLimitPermits"] = "3";
        _classify = await ServiceHost.ClassifyAsync(classify);
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _classify.DisposeAsync();
        await _pages.DisposeAsync();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("guess", HttpStatusCode.Unauthorized)]
    [InlineData(TestSettings.ReadKey, HttpStatusCode.Forbidden)]
    [InlineData(TestSettings.WriteKey, HttpStatusCode.Accepted)]
    public async Task Posting_an_article_needs_a_write_key(string? key, HttpStatusCode expected)
    {
        using var response = await SendAsync(_ingest, HttpMethod.Post, "/api/articles?source=access", key, Article($"posted with {key ?? "no key"}"));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.Accepted)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(Ct) + (expected == HttpStatusCode.Forbidden ? "X-Api-Key" : ""), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("guess", HttpStatusCode.Unauthorized)]
    [InlineData(TestSettings.ReadKey, HttpStatusCode.OK)]
    [InlineData(TestSettings.WriteKey, HttpStatusCode.OK)]
    public async Task Reading_needs_a_read_or_write_key_on_ingest_and_classify(string? key, HttpStatusCode expected)
    {
        using var posted = await SendAsync(_ingest, HttpMethod.Post, "/api/articles", TestSettings.WriteKey, Article("to be read back " + key));
        var articleId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("articleId").GetString();

        using var article = await SendAsync(_ingest, HttpMethod.Get, $"/api/articles/{articleId}", key);
        using var events = await SendAsync(_classify, HttpMethod.Get, "/api/events", key);
        using var coded = await SendAsync(_classify, HttpMethod.Get, "/api/events/coded", key);

        Assert.Equal([expected, expected, expected], new[] { article.StatusCode, events.StatusCode, coded.StatusCode });
    }

    [Fact]
    public async Task Reading_is_rate_limited_per_key_with_429_and_retry_after_but_posting_is_not()
    {
        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync(_classify, HttpMethod.Get, "/api/events", TestSettings.ReadKey);
            reads.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter?.Delta);
        }

        using var otherKey = await SendAsync(_classify, HttpMethod.Get, "/api/events", TestSettings.WriteKey);
        var posts = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await SendAsync(_ingest, HttpMethod.Post, "/api/articles", TestSettings.WriteKey, Article($"article number {i} of a quick series"));
            posts.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], reads);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        Assert.All(posts, status => Assert.Equal(HttpStatusCode.Accepted, status));
    }

    [Fact]
    public async Task A_post_beyond_the_work_in_flight_is_refused_with_503_and_retry_after_and_admitted_once_there_is_room()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        _pages.Map("/slow", async context =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><p>" + string.Join(' ', Enumerable.Repeat("A slow page about border talks between two ministers.", 5)) + "</p></body></html>");
        });

        // The one permit is taken by a fetch of a page that does not answer yet.
        var fetch = SendAsync(_ingest, HttpMethod.Post, "/api/articles/fetch", TestSettings.WriteKey, JsonContent.Create(new { url = _pages.Url("/slow").AbsoluteUri }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using (var refused = await SendAsync(_ingest, HttpMethod.Post, "/api/articles", TestSettings.WriteKey, Article("arrives while the service is full")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Contains("retry after", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Reading is not held back by the writes in flight.
        using (var read = await SendAsync(_classify, HttpMethod.Get, "/api/events/coded", TestSettings.ReadKey)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        release.SetResult();
        using (var fetched = await fetch) Assert.Equal(HttpStatusCode.Accepted, fetched.StatusCode);
        using var admitted = await SendAsync(_ingest, HttpMethod.Post, "/api/articles", TestSettings.WriteKey, Article("arrives once there is room again"));
        Assert.Equal(HttpStatusCode.Accepted, admitted.StatusCode);
    }

    private static StringContent Article(string subject) =>
        new($"Ministers met to discuss {subject}. The talks covered trade, border security and the return of detained citizens.", Encoding.UTF8, "text/plain");

    private static async Task<HttpResponseMessage> SendAsync(ServiceHost host, HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add(TestSettings.ApiKeyHeader, key);
        return await client.SendAsync(request, Ct);
    }
}
