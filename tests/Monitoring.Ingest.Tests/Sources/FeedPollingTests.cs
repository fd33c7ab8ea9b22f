using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Ingest.Sources;

namespace Monitoring.Ingest.Tests.Sources;

/// <summary>Feeds served by a real loopback server, polled by the ingest service as composed for production.</summary>
public sealed class FeedPollingTests : IAsyncLifetime
{
    private const string AdminKey = "feeds-admin-key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly MessageLog _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 16, 8, 0, 0, TimeSpan.Zero));
    private LoopbackServer _server = null!;
    private ServiceHost _ingest = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _ingest = await ServiceHost.IngestAsync(Settings(), builder =>
        {
            builder.AddRecorders(_log);
            builder.Services.AddSingleton<TimeProvider>(_clock);
        });
        _ingest.Http.DefaultRequestHeaders.Remove("X-Api-Key");
        _ingest.Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.InMemory("feeds");
        settings["Ingest:AdminApiKey"] = AdminKey;
        settings["Ingest:Feeds:SchedulerEnabled"] = "false";
        settings["Ingest:Feeds:HostMinInterval"] = "00:00:00";
        settings["Ingest:Feeds:MinPollInterval"] = "00:00:01";
        settings["Ingest:Feeds:MinInlineContentChars"] = "200";
        settings["Safety:AllowedHosts:0"] = "127.0.0.1";
        settings["Safety:Timeout"] = "00:00:01";
        return settings;
    }

    private static string Paragraph(string subject) =>
        $"{subject} The delegations met for six hours behind closed doors, according to officials familiar with the talks, and agreed on a timetable " +
        $"for further rounds. Observers said the outcome on {subject.ToLowerInvariant()} exceeded expectations, while opposition figures criticised the " +
        "lack of transparency and demanded that parliament be consulted before any commitment is signed.";

    private void ServeFeed(string path, string etag, params (string Guid, string Title, string Link, string? Content)[] items) =>
        _server.MapContent(path, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(FeedDocuments.Rss(items)), etag);

    private void ServePage(string path, string title, string body) =>
        _server.MapContent(path, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(FeedDocuments.ArticlePage(title, body)));

    private async Task<FeedSource> CreateAsync(string id, string path, string interval = "00:10:00")
    {
        using var response = await _ingest.Http.PostAsJsonAsync("/api/sources", new { id, url = _server.Url(path).AbsoluteUri, name = id, pollInterval = interval }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FeedSource>(Json, Ct))!;
    }

    private async Task<SourceStatus> PollAsync(string id)
    {
        using var response = await _ingest.Http.PostAsync($"/api/sources/{id}/poll", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FeedSource>(Json, Ct))!.Status;
    }

    [Fact]
    public async Task New_items_are_ingested_once_and_an_unchanged_feed_answers_304()
    {
        ServeFeed("/world.xml", "\"v1\"",
            ("a-1", "Ceasefire talks", "/articles/1", $"<p>{Paragraph("Ceasefire talks resumed in Doha.")}</p>"),
            ("a-2", "Port deal", "/articles/2", null));
        ServePage("/articles/2", "Port deal", Paragraph("A port deal was signed in Gwadar."));
        await CreateAsync("world", "/world.xml");

        var first = await PollAsync("world");
        _clock.Advance(TimeSpan.FromMinutes(11));
        var second = await PollAsync("world");

        Assert.Equal(("ok", 2, 2), (first.LastOutcome, first.LastItemsSeen, first.LastItemsNew));
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromMinutes(11) + TimeSpan.FromMinutes(10), first.NextPollAt);
        Assert.Equal(("not-modified", 0, 0, 2L), (second.LastOutcome, second.LastItemsSeen, second.LastItemsNew, second.TotalItemsNew));
        Assert.Equal("\"v1\"", _server.Requests.Last(r => r.Path == "/world.xml").IfNoneMatch);
        Assert.Equal(0, _server.Hits("/articles/1"));
        Assert.Equal(1, _server.Hits("/articles/2"));
        await Eventually.HoldsAsync(() => _log.Ingested.Count == 2, "both items are published");
        Assert.All(_log.Ingested, article => Assert.Equal("world", article.Source));
        Assert.Contains(_log.Ingested, article => article.Url == _server.Url("/articles/2").AbsoluteUri && article.Text.Contains("Gwadar", StringComparison.Ordinal));
        Assert.Contains(_log.Ingested, article => article.Title == "Ceasefire talks" && article.Text.Contains("Doha", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_feed_ingests_only_the_items_it_did_not_have()
    {
        ServePage("/articles/1", "Summit", Paragraph("The summit opened in Astana."));
        ServePage("/articles/2", "Sanctions", Paragraph("New sanctions were announced in Brussels."));
        ServeFeed("/feed.xml", "\"v1\"", ("1", "Summit", "/articles/1", null));
        await CreateAsync("changing", "/feed.xml");
        await PollAsync("changing");

        ServeFeed("/feed.xml", "\"v2\"", ("2", "Sanctions", "/articles/2", null), ("1", "Summit", "/articles/1", null));
        var status = await PollAsync("changing");

        Assert.Equal(("ok", 2, 1, 3L, 2L), (status.LastOutcome, status.LastItemsSeen, status.LastItemsNew, status.TotalItemsSeen, status.TotalItemsNew));
        Assert.Equal(1, _server.Hits("/articles/1"));
        Assert.Equal("\"v2\"", status.ETag);
    }

    [Fact]
    public async Task A_failing_feed_records_its_error_and_backs_off_until_it_recovers()
    {
        var failing = true;
        _server.Map("/flaky.xml", async context =>
        {
            if (failing)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(FeedDocuments.Rss(), Ct);
        });
        await CreateAsync("flaky", "/flaky.xml", "00:05:00");

        var once = await PollAsync("flaky");
        var twice = await PollAsync("flaky");
        failing = false;
        var recovered = await PollAsync("flaky");

        Assert.Equal(("error", 1), (once.LastOutcome, once.ConsecutiveFailures));
        Assert.Contains("500", once.LastError, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(10), once.NextPollAt);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(20), twice.NextPollAt);
        Assert.Equal(("ok", 0, null, 2L), (recovered.LastOutcome, recovered.ConsecutiveFailures, recovered.LastError, recovered.TotalErrors));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), recovered.NextPollAt);
    }

    [Fact]
    public async Task A_server_asking_to_retry_later_is_left_alone_that_long()
    {
        _server.Map("/busy.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        await CreateAsync("busy", "/busy.xml", "00:05:00");

        var status = await PollAsync("busy");

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromHours(2), status.NextPollAt);
        Assert.Contains("503", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_feed_times_out_and_the_timeout_is_recorded()
    {
        _server.Map("/slow.xml", context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        await CreateAsync("slow", "/slow.xml");

        var status = await PollAsync("slow");

        Assert.Equal(("error", 1), (status.LastOutcome, status.ConsecutiveFailures));
        Assert.Contains("timed out", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_sends_its_headers_and_then_trickles_is_given_up_too()
    {
        _server.Map("/drip.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        await CreateAsync("drip", "/drip.xml");

        var status = await PollAsync("drip");

        Assert.Equal("error", status.LastOutcome);
        Assert.Contains("did not answer within", status.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FeedDocuments.Xxe)]
    [InlineData(FeedDocuments.BillionLaughs)]
    public async Task A_feed_with_a_dtd_is_refused_and_the_reason_is_on_the_source(string hostile)
    {
        _server.MapContent("/hostile.xml", "application/rss+xml", Encoding.UTF8.GetBytes(hostile));
        await CreateAsync("hostile", "/hostile.xml");

        var status = await PollAsync("hostile");

        Assert.Equal("error", status.LastOutcome);
        Assert.Contains("DTD", status.LastError, StringComparison.Ordinal);
        await Task.Delay(200, Ct);
        Assert.Empty(_log.Ingested);
    }

    [Fact]
    public async Task A_feed_item_linking_to_a_private_address_is_not_fetched_and_is_reported()
    {
        ServeFeed("/ssrf.xml", "\"s\"", ("m", "Metadata", "http://169.254.169.254/latest/meta-data/", null));
        await CreateAsync("ssrf", "/ssrf.xml");

        var status = await PollAsync("ssrf");

        Assert.Equal(("ok", 1, 0), (status.LastOutcome, status.LastItemsSeen, status.LastItemsNew));
        Assert.Contains("169.254.169.254", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduler_polls_the_sources_that_are_due_and_only_those()
    {
        ServeFeed("/a.xml", "\"a\"");
        ServeFeed("/b.xml", "\"b\"");
        await CreateAsync("every-5", "/a.xml", "00:05:00");
        await CreateAsync("every-30", "/b.xml", "00:30:00");
        var scheduler = _ingest.Services.GetRequiredService<FeedScheduler>();

        await scheduler.PollDueAsync(Ct);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await scheduler.PollDueAsync(Ct);

        Assert.Equal(2, _server.Hits("/a.xml"));
        Assert.Equal(1, _server.Hits("/b.xml"));
    }

    [Fact]
    public async Task Sources_are_created_changed_listed_and_deleted_through_the_api()
    {
        ServeFeed("/crud.xml", "\"c\"");
        await CreateAsync("crud", "/crud.xml");
        await PollAsync("crud");

        using var duplicate = await _ingest.Http.PostAsJsonAsync("/api/sources", new { id = "crud", url = _server.Url("/crud.xml").AbsoluteUri }, Ct);
        using var changed = await _ingest.Http.PutAsJsonAsync("/api/sources/crud", new { url = _server.Url("/crud.xml").AbsoluteUri, pollInterval = "01:00:00", enabled = false }, Ct);
        var updated = (await changed.Content.ReadFromJsonAsync<FeedSource>(Json, Ct))!;
        var listed = await _ingest.Http.GetFromJsonAsync<List<FeedSource>>("/api/sources", Json, Ct);
        using var deleted = await _ingest.Http.DeleteAsync("/api/sources/crud", Ct);
        using var gone = await _ingest.Http.GetAsync("/api/sources/crud", Ct);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal((TimeSpan.FromHours(1), false, 1L), (updated.PollInterval, updated.Enabled, updated.Status.TotalPolls));
        Assert.Equal("crud", Assert.Single(listed!).Id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("Bad Id", "https://news.example/rss", "id is required")]
    [InlineData("ok", "file:///etc/passwd", "only http and https")]
    [InlineData("ok", "http://169.254.169.254/rss", "not a public address")]
    [InlineData("ok", "http://[::ffff:10.0.0.1]/rss", "not a public address")]
    [InlineData("ok", "not a url", "url is required")]
    public async Task An_invalid_or_unsafe_source_is_refused_with_422(string id, string url, string reason)
    {
        using var response = await _ingest.Http.PostAsJsonAsync("/api/sources", new { id, url }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sources_api_answers_401_without_the_admin_key()
    {
        using var anonymous = new HttpClient { BaseAddress = _ingest.Address };
        using var none = await anonymous.GetAsync("/api/sources", Ct);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/sources") { Headers = { { "X-Api-Key", "guess" } } };
        using var wrongResponse = await anonymous.SendAsync(wrong, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
    }

    [Fact]
    public async Task Sources_in_configuration_are_applied_and_an_unsafe_one_is_reported_without_stopping_the_others()
    {
        var settings = Settings();
        settings["Ingest:Feeds:Sources:0:Id"] = "configured";
        settings["Ingest:Feeds:Sources:0:Url"] = _server.Url("/configured.xml").AbsoluteUri;
        settings["Ingest:Feeds:Sources:0:PollInterval"] = "00:02:00";
        settings["Ingest:Feeds:Sources:1:Id"] = "metadata";
        settings["Ingest:Feeds:Sources:1:Url"] = "http://169.254.169.254/feed";
        await using var host = await ServiceHost.IngestAsync(settings);
        var problems = await host.Services.GetRequiredService<SourceCatalog>().ApplyConfigurationAsync(Ct);

        var source = await host.Services.GetRequiredService<ISourceStore>().GetAsync("configured", Ct);

        Assert.Contains("not a public address", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<ISourceStore>().GetAsync("metadata", Ct));
        Assert.NotNull(source);
        Assert.Equal(("config", TimeSpan.FromMinutes(2)), (source.Origin, source.PollInterval));
    }

    [Fact]
    public async Task Without_an_admin_key_configured_the_sources_api_is_closed()
    {
        var settings = Settings();
        settings.Remove("Ingest:AdminApiKey");
        await using var host = await ServiceHost.IngestAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sources") { Headers = { { "X-Api-Key", "" } } };

        using var response = await host.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
