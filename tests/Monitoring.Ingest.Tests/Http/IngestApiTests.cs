using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Monitoring.Ingest.Tests.Http;

/// <summary><c>POST /api/articles</c> on a real loopback listener, publishing to the in-memory bus.</summary>
public sealed class IngestApiTests : IAsyncLifetime
{
    private readonly MessageLog _log = new();
    private ServiceHost _ingest = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("ingest-api");
        settings["Ingest:MaxBodyBytes"] = "4096";
        _ingest = await ServiceHost.IngestAsync(settings, builder => builder.AddRecorders(_log));
    }

    public ValueTask DisposeAsync() => _ingest.DisposeAsync();

    [Fact]
    public async Task Json_article_is_accepted_with_its_id_and_published_once()
    {
        using var response = await _ingest.Http.PostAsJsonAsync("/api/articles", new
        {
            url = "https://news.example/a",
            title = "Border talks",
            source = "example",
            publishedAt = "2024-05-16T08:30:00Z",
            text = "Delegations from both countries met at the border crossing to discuss customs cooperation.",
        }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var articleId = body.GetProperty("articleId").GetString();
        Assert.Equal($"/api/articles/{articleId}", response.Headers.Location?.ToString());
        Assert.False(body.GetProperty("duplicate").GetBoolean());

        await Eventually.HoldsAsync(() => !_log.Ingested.IsEmpty, "ArticleIngested is published");
        var published = Assert.Single(_log.Ingested);
        Assert.Equal(articleId, published.ArticleId);
        Assert.Equal("Border talks", published.Title);
        Assert.Equal("https://news.example/a", published.Url);
        Assert.Equal("example", published.Source);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 8, 30, 0, TimeSpan.Zero), published.PublishedAt);
    }

    [Fact]
    public async Task The_same_text_posted_twice_is_published_once()
    {
        var first = await PostTextAsync(SampleArticle.Text);
        var second = await PostTextAsync(SampleArticle.Text.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(first.GetProperty("articleId").GetString(), second.GetProperty("articleId").GetString());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        await Task.Delay(500, Ct);
        Assert.Single(_log.Ingested);
    }

    [Fact]
    public async Task Raw_html_is_extracted_before_it_is_published()
    {
        using var content = new StringContent("<html><head><meta name=\"author\" content=\"By Jane Doe\"></head><body><nav>Home</nav><article><p>The envoy arrived in Geneva for the talks.</p></article></body></html>", Encoding.UTF8, "text/html");
        using var response = await _ingest.Http.PostAsync("/api/articles?source=wire&url=https://wire.example/x", content, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(() => !_log.Ingested.IsEmpty, "ArticleIngested is published");
        var published = Assert.Single(_log.Ingested);
        Assert.Equal("The envoy arrived in Geneva for the talks.", published.Text);
        Assert.Equal("wire", published.Source);
        Assert.Equal("https://wire.example/x", published.Url);
        Assert.Equal("Jane Doe", published.Byline);
    }

    [Fact]
    public async Task The_service_learns_a_sources_template_from_the_articles_it_receives()
    {
        string[] stories =
        [
            "The foreign ministers of Armenia and Azerbaijan met in Almaty on Friday to continue work on a peace treaty.",
            "Finland's border guard closed two more crossing points after a rise in asylum seekers arriving from Russia.",
            "The African Union suspended Niger's membership until constitutional order is restored, its council said.",
        ];
        foreach (var story in stories)
        {
            using var response = await _ingest.Http.PostAsJsonAsync("/api/articles", new
            {
                source = "daily-wire",
                text = $"Download the Daily Wire app for breaking news alerts\n{story}\nFollow our correspondents on Telegram: @dailywire_world",
            }, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.HoldsAsync(() => _log.Ingested.Count == 3, "three articles are published");
        var third = Assert.Single(_log.Ingested, article => article.Text.Contains("African Union", StringComparison.Ordinal));
        Assert.Equal(stories[2], third.Text);
        Assert.Contains("Download the Daily Wire app", Assert.Single(_log.Ingested, article => article.Text.Contains("Almaty", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        using var response = await _ingest.Http.PostAsync("/api/articles", new StringContent(new string('x', 5000), Encoding.UTF8, "text/plain"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "4096 bytes");
    }

    [Fact]
    public async Task A_body_over_the_limit_without_content_length_is_refused_with_413()
    {
        using var content = new StreamContent(new MemoryStream(new byte[5000]));
        content.Headers.ContentType = new("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _ingest.Http.SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "4096 bytes");
    }

    [Theory]
    [InlineData("application/xml", "<a/>")]
    [InlineData("image/png", "x")]
    public async Task Other_content_types_are_refused_with_415(string mediaType, string body)
    {
        using var response = await _ingest.Http.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, mediaType), Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, mediaType);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_400()
    {
        using var response = await _ingest.Http.PostAsync("/api/articles", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "");
    }

    [Theory]
    [InlineData("{}", "exactly one")]
    [InlineData("{\"text\":\"a\",\"html\":\"<p>b</p>\"}", "exactly one")]
    [InlineData("{\"text\":\"Some text.\",\"url\":\"file:///etc/passwd\"}", "http(s)")]
    [InlineData("{\"text\":\"SITEMAP\\nSITEMAP\"}", "no main text")]
    public async Task Json_without_usable_content_is_refused_with_422(string json, string detail)
    {
        using var response = await _ingest.Http.PostAsync("/api/articles", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, detail);
        Assert.Empty(_log.Ingested);
    }

    [Fact]
    public async Task Binary_data_posted_as_text_or_html_is_refused_with_415_and_never_published()
    {
        var bytes = new byte[2000];
        new Random(7).NextBytes(bytes);
        foreach (var mediaType in new[] { "text/plain", "text/html" })
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new(mediaType);
            using var response = await _ingest.Http.PostAsync("/api/articles", content, Ct);

            await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "binary data");
        }

        Assert.Empty(_log.Ingested);
    }

    [Theory]
    [InlineData("text/plain", "base64")]
    [InlineData("text/html", "main text")]
    public async Task Encoded_junk_and_pages_without_readable_text_are_refused_with_422(string mediaType, string detail)
    {
        var blob = Convert.ToBase64String(Enumerable.Range(0, 1500).Select(i => (byte)(i * 7)).ToArray());
        var body = mediaType == "text/plain" ? blob : "<html><body><nav><a href='/'>Home</a></nav><div id='app'>Loading</div></body></html>";
        using var response = await _ingest.Http.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, mediaType), Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, detail);
        Assert.Empty(_log.Ingested);
    }

    [Fact]
    public async Task A_stored_article_can_be_read_back()
    {
        var posted = await PostTextAsync(SampleArticle.Text);

        var article = await _ingest.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{posted.GetProperty("articleId").GetString()}", Ct);

        Assert.StartsWith(SampleArticle.FirstParagraph, article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _ingest.Http.GetAsync("/api/articles/unknown", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy_once_bus_and_store_answer(string path)
    {
        using var response = await _ingest.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<JsonElement> PostTextAsync(string text)
    {
        using var response = await _ingest.Http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailFragment)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailFragment, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
