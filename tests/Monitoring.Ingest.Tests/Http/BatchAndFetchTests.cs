using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitoring.Ingest.Tests.Sources;

namespace Monitoring.Ingest.Tests.Http;

/// <summary>NDJSON batches and fetch-by-URL (pages served on loopback, in legacy charsets too).</summary>
public sealed class BatchAndFetchTests : IAsyncLifetime
{
    private readonly MessageLog _log = new();
    private LoopbackServer _server = null!;
    private ServiceHost _ingest = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    static BatchAndFetchTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        var settings = TestSettings.InMemory("batch-fetch");
        settings["Ingest:MaxBodyBytes"] = "2000";
        settings["Ingest:MaxBatchBytes"] = "20000";
        settings["Ingest:Feeds:HostMinInterval"] = "00:00:00";
        settings["Ingest:Feeds:SchedulerEnabled"] = "false";
        settings["Safety:AllowedHosts:0"] = "127.0.0.1";
        settings["Safety:Timeout"] = "00:00:01";
        settings["Ingest:AdminApiKey"] = "channels-key";
        _ingest = await ServiceHost.IngestAsync(settings, builder => builder.AddRecorders(_log));
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostBatchAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
        return await _ingest.Http.PostAsync("/api/articles", content, Ct);
    }

    private async Task<HttpResponseMessage> FetchAsync(string url) =>
        await _ingest.Http.PostAsJsonAsync("/api/articles/fetch", new { url, source = "fetched" }, Ct);

    [Fact]
    public async Task Each_line_of_a_batch_gets_its_own_result_and_bad_lines_lose_nothing_else()
    {
        var lines = string.Join('\n',
            JsonSerializer.Serialize(new { text = "Envoys met in Vienna to revive the nuclear talks.", source = "wire" }),
            "{not json",
            "",
            JsonSerializer.Serialize(new { title = "No body", source = "wire" }),
            JsonSerializer.Serialize(new { text = "Envoys met in Vienna to revive the nuclear talks.", source = "wire" }),
            JsonSerializer.Serialize(new { text = "The port of Odesa reopened to grain ships on Friday.", url = "ftp://x" }),
            JsonSerializer.Serialize(new { text = new string('x', 2100) }),
            JsonSerializer.Serialize(new { html = "<p>Parliament approved the budget after a night-long session.</p>", source = "wire" })) + "\r\n";

        using var response = await PostBatchAsync(lines);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var results = body.GetProperty("results").EnumerateArray()
            .Select(r => (Line: r.GetProperty("line").GetInt32(), Status: r.GetProperty("status").GetString(), Error: r.TryGetProperty("error", out var e) ? e.GetString() : null))
            .ToList();
        Assert.Equal([1, 2, 4, 5, 6, 7, 8], results.Select(r => r.Line));
        Assert.Equal(["accepted", "rejected", "rejected", "duplicate", "rejected", "rejected", "accepted"], results.Select(r => r.Status));
        Assert.Contains("Malformed JSON", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("Text or HTML required", results[2].Error, StringComparison.Ordinal);
        Assert.Contains("Invalid url", results[4].Error, StringComparison.Ordinal);
        Assert.Contains("2000 bytes", results[5].Error, StringComparison.Ordinal);
        Assert.Equal((2, 1, 4), (body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32(), body.GetProperty("rejected").GetInt32()));
        await Eventually.HoldsAsync(() => _log.Ingested.Count == 2, "the two good articles are published");
    }

    [Fact]
    public async Task Each_push_channel_reports_what_it_received_accepted_and_refused()
    {
        using (await PostBatchAsync(JsonSerializer.Serialize(new { text = "Envoys met in Vienna." }) + "\n{bad\n")) { }
        using (await FetchAsync("http://169.254.169.254/")) { }
        using (await _ingest.Http.PostAsJsonAsync("/api/articles", new { text = "Envoys met in Vienna." }, Ct)) { }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/channels") { Headers = { { "X-Api-Key", "channels-key" } } };
        using var response = await _ingest.Http.SendAsync(request, Ct);
        var channels = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);

        Assert.Equal((2, 1, 1), Counts(channels["batch"]));
        Assert.StartsWith("line 2: Malformed JSON", channels["batch"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), Counts(channels["fetch"]));
        Assert.Contains("169.254.169.254", channels["fetch"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 0, 0), Counts(channels["http"]));
        Assert.Equal(1, channels["http"].GetProperty("duplicates").GetInt64());
        Assert.Equal(0, channels["drop-folder"].GetProperty("received").GetInt64());

        static (long Received, long New, long Rejected) Counts(JsonElement channel) =>
            (channel.GetProperty("received").GetInt64(), channel.GetProperty("new").GetInt64(), channel.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_with_413_and_an_empty_one_with_422()
    {
        using var tooLarge = await PostBatchAsync(string.Concat(Enumerable.Repeat(JsonSerializer.Serialize(new { text = new string('y', 1500) }) + "\n", 15)));
        using var empty = await PostBatchAsync("\n\n");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
    }

    [Theory]
    [InlineData("windows-1251", FeedDocuments.RussianText, true)]
    [InlineData("windows-1251", FeedDocuments.RussianText, false)]
    [InlineData("GB18030", FeedDocuments.ChineseText, true)]
    [InlineData("gbk", FeedDocuments.ChineseText, false)]
    public async Task A_page_in_a_legacy_charset_decodes_right_from_the_header_or_the_meta_tag(string charset, string text, bool inHeader)
    {
        var encoding = Encoding.GetEncoding(charset);
        var html = FeedDocuments.ArticlePage("Заголовок", text, metaCharset: inHeader ? null : charset);
        _server.MapContent("/page", inHeader ? $"text/html; charset={charset}" : "text/html", encoding.GetBytes(html));

        using var response = await FetchAsync(_server.Url("/page").AbsoluteUri);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(() => !_log.Ingested.IsEmpty, "the page is published");
        var published = Assert.Single(_log.Ingested);
        Assert.Equal(text, published.Text);
        Assert.Equal("fetched", published.Source);
        Assert.Equal(_server.Url("/page").AbsoluteUri, published.Url);
    }

    // This host allows 127.0.0.1 for its loopback pages; the loopback spellings are covered by OutboundUrlGuardTests.
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://2852039166/")]
    [InlineData("http://10.0.0.1/")]
    public async Task Fetching_a_private_address_is_refused_with_422(string url)
    {
        using var response = await FetchAsync(url);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not a public address", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_with_422()
    {
        _server.MapRedirect("/moved", "http://192.168.0.1/admin");

        using var response = await FetchAsync(_server.Url("/moved").AbsoluteUri);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("192.168.0.1", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_urls_missing_pages_slow_pages_and_images_get_clear_errors()
    {
        _server.Map("/slow", context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        _server.MapContent("/image", "image/png", [0x89, 0x50, 0x4E, 0x47]);
        _server.Map("/gone", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        using var file = await FetchAsync("file:///etc/passwd");
        using var missing = await FetchAsync(_server.Url("/gone").AbsoluteUri);
        using var slow = await FetchAsync(_server.Url("/slow").AbsoluteUri);
        using var image = await FetchAsync(_server.Url("/image").AbsoluteUri);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, file.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, missing.StatusCode);
        Assert.Contains("404", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, image.StatusCode);
        Assert.Contains("image/png", await image.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
