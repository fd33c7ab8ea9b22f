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

    [Fact]
    public async Task Events_carry_their_place_and_a_bounding_box_selects_them()
    {
        await _classify.Services.GetRequiredService<IBus>().Publish(new ArticleIngested
        {
            ArticleId = "kharkiv", StoryId = "shelling", ContentHash = "hash-k", Source = "wire", Language = "en", IngestedAt = Times.At(0),
            Text = "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said, and the mayor of the city asked Kyiv for more air defence.",
        }, Ct);

        JsonElement inside = default;
        await Eventually.HoldsAsync(async () =>
        {
            inside = await _classify.Http.GetFromJsonAsync<JsonElement>("/api/events/coded?bbox=35.5,49.5,37,50.5", Ct);
            return inside.GetArrayLength() > 0;
        }, "the shelling is stored with its place");

        var shelled = inside.EnumerateArray().First(e => e.GetProperty("trigger").GetString() == "shelled");
        Assert.Equal(("Kharkiv", "706483", "UKR", 4), (shelled.GetProperty("actionGeoFullName").GetString(), shelled.GetProperty("actionGeoFeatureId").GetString(),
            shelled.GetProperty("actionGeoCountryCode").GetString(), shelled.GetProperty("actionGeoType").GetInt32()));
        Assert.Equal(49.98, shelled.GetProperty("actionGeoLat").GetDouble(), 1);
        Assert.Equal(0, (await _classify.Http.GetFromJsonAsync<JsonElement>("/api/events/coded?bbox=2,48,3,49", Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData("bbox=1,2,3")]
    [InlineData("bbox=0,50,10,40")]
    [InlineData("bbox=west,0,1,1")]
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
