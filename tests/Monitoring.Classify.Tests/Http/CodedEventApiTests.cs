using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts;

namespace Monitoring.Classify.Tests.Http;

/// <summary><c>GET /api/events/coded</c> on a real loopback listener, after the classify service coded the sample article.</summary>
public sealed class CodedEventApiTests : IAsyncLifetime
{
    private ServiceHost _classify = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _classify = await ServiceHost.ClassifyAsync(TestSettings.InMemory("coded-events-api"));

    public ValueTask DisposeAsync() => _classify.DisposeAsync();

    [Fact]
    public async Task Coded_events_are_queried_by_root_and_country_pair_with_their_evidence_and_story_counts()
    {
        var text = new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text;
        await _classify.Services.GetRequiredService<IBus>().Publish(new ArticleIngested
        {
            ArticleId = "sample", StoryId = "story", ContentHash = "hash", Text = text, Source = "cgtn", Language = "en", IngestedAt = Times.At(0),
        }, Ct);

        JsonElement meetings = default;
        await Eventually.HoldsAsync(async () =>
        {
            meetings = await _classify.Http.GetFromJsonAsync<JsonElement>("/api/events/coded?root=04&pair=RUS-CHN", Ct);
            return meetings.GetArrayLength() > 0;
        }, "the sample's meetings are stored");

        Assert.All(meetings.EnumerateArray(), e =>
        {
            Assert.Equal("04", e.GetProperty("eventRootCode").GetString());
            Assert.Contains(e.GetProperty("actor1CountryCode").GetString(), new[] { "CHN", "RUS" });
            Assert.Equal(1, e.GetProperty("numSources").GetInt32());
            Assert.Equal("story", e.GetProperty("storyId").GetString());
        });
        var held = meetings.EnumerateArray().First(e => e.GetProperty("trigger").GetString() == "held");
        Assert.Equal(SampleArticle.FirstParagraph, held.GetProperty("sentence").GetString());
        Assert.Equal(0, (await _classify.Http.GetFromJsonAsync<JsonElement>("/api/events/coded?root=19", Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData("root=4")]
    [InlineData("root=21")]
    [InlineData("pair=CHN")]
    [InlineData("country=CN")]
    [InlineData("quad=5")]
    [InlineData("code=abc")]
    [InlineData("limit=0")]
    public async Task A_bad_query_is_a_400_problem_naming_the_parameter(string query)
    {
        using var response = await _classify.Http.GetAsync("/api/events/coded?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Split('=')[0], out _));
    }
}
