using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;

namespace Monitoring.Classify.Tests.Http;

/// <summary>A classify service on a real loopback listener that has classified the sample article; shared by the tests that only read.</summary>
public sealed class ClassifiedSample : IAsyncLifetime
{
    public ServiceHost Classify { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Classify = await ServiceHost.ClassifyAsync(TestSettings.InMemory("classified-articles-api"));
        var text = new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text;
        await Classify.Services.GetRequiredService<IBus>().Publish(new ArticleIngested
        {
            ArticleId = "sample", StoryId = "story", ContentHash = "hash", Text = text, Source = "cgtn", Language = "en", IngestedAt = Times.At(0),
        }, ct);
        await Eventually.HoldsAsync(async () => (await Classify.Http.GetAsync("/api/classified-articles/sample", ct)).IsSuccessStatusCode, "the sample is classified");
    }

    public ValueTask DisposeAsync() => Classify.DisposeAsync();
}

/// <summary><c>GET /api/classified-articles</c>, and its deprecated alias <c>/api/events</c>.</summary>
public sealed class ClassifiedArticleApiTests(ClassifiedSample sample) : IClassFixture<ClassifiedSample>
{
    private readonly ServiceHost _classify = sample.Classify;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_classified_article_is_listed_and_read_by_id()
    {
        var article = await _classify.Http.GetFromJsonAsync<JsonElement>("/api/classified-articles/sample", Ct);
        var listed = await _classify.Http.GetFromJsonAsync<JsonElement>("/api/classified-articles?country=chn", Ct);

        Assert.Equal("story", article.GetProperty("storyId").GetString());
        Assert.Contains("CHN", article.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("sample", Assert.Single(listed.EnumerateArray()).GetProperty("articleId").GetString());
        Assert.Equal(0, (await _classify.Http.GetFromJsonAsync<JsonElement>("/api/classified-articles?country=BRA", Ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await _classify.Http.GetAsync("/api/classified-articles/missing", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_old_route_answers_the_same_and_says_it_is_deprecated()
    {
        using var current = await _classify.Http.GetAsync("/api/classified-articles/sample", Ct);
        using var old = await _classify.Http.GetAsync("/api/events/sample", Ct);
        using var oldList = await _classify.Http.GetAsync("/api/events", Ct);

        Assert.Equal(await current.Content.ReadAsStringAsync(Ct), await old.Content.ReadAsStringAsync(Ct));
        foreach (var response in new[] { old, oldList })
        {
            Assert.True(response.Headers.TryGetValues("Deprecation", out var deprecation), "Deprecation header");
            Assert.StartsWith("@", Assert.Single(deprecation));
            Assert.Equal("</api/classified-articles>; rel=\"successor-version\"", Assert.Single(response.Headers.GetValues("Link")));
        }

        Assert.False(current.Headers.Contains("Deprecation"));
    }

    [Fact]
    public async Task A_bad_limit_is_a_400_problem()
    {
        using var response = await _classify.Http.GetAsync("/api/classified-articles?limit=0", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
