using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Monitoring.Ingest.Tests.Dedup;

/// <summary>Stories through <c>POST /api/articles</c>: copies share a story and raise its outlet count; other stories stay apart.</summary>
public sealed class StoryIngestTests : IAsyncLifetime
{
    private readonly MessageLog _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 16, 8, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> _settings = TestSettings.InMemory("stories");
    private ServiceHost _ingest = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _ingest = await StartAsync();

    public ValueTask DisposeAsync() => _ingest.DisposeAsync();

    private Task<ServiceHost> StartAsync() => ServiceHost.IngestAsync(_settings, builder =>
    {
        builder.AddRecorders(_log);
        builder.Services.AddSingleton<TimeProvider>(_clock);
    });

    private async Task<JsonElement> PostAsync(string text, string source, string title, string? url = null, ServiceHost? host = null)
    {
        using var response = await (host ?? _ingest).Http.PostAsJsonAsync("/api/articles", new { text, source, title, url }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Story(JsonElement result) => result.GetProperty("storyId").GetString()!;

    [Fact]
    public async Task A_rewritten_copy_joins_the_story_and_raises_its_outlet_count()
    {
        var original = await PostAsync(StoryTexts.Original, "xinhua", "China, Russia to deepen police cooperation");
        var copy = await PostAsync(StoryTexts.Rewritten, "reuters", "Beijing and Moscow agree security pact");
        var other = await PostAsync(StoryTexts.SameTopicOtherStory, "tass", "Border guards drill on the Amur");

        Assert.Equal(Story(original), Story(copy));
        Assert.NotEqual(original.GetProperty("articleId").GetString(), copy.GetProperty("articleId").GetString());
        Assert.False(copy.GetProperty("duplicate").GetBoolean());
        Assert.Equal((1, 2), (original.GetProperty("outletCount").GetInt32(), copy.GetProperty("outletCount").GetInt32()));
        Assert.NotEqual(Story(original), Story(other));
        Assert.Equal(1, other.GetProperty("outletCount").GetInt32());

        await Eventually.HoldsAsync(() => _log.Ingested.Count == 3, "all three articles are published");
        var published = _log.Ingested.ToDictionary(a => a.Source!);
        Assert.Equal(Story(original), published["reuters"].StoryId);
        Assert.Equal(2, published["reuters"].OutletCount);
        var story = await _ingest.Http.GetFromJsonAsync<JsonElement>($"/api/stories/{Story(original)}", Ct);
        Assert.Equal((2, 2), (story.GetProperty("articleCount").GetInt32(), story.GetProperty("outletCount").GetInt32()));
    }

    [Fact]
    public async Task A_second_copy_from_the_same_outlet_adds_an_article_but_not_an_outlet()
    {
        var first = await PostAsync(StoryTexts.Original, "xinhua", "First version");
        var second = await PostAsync(StoryTexts.Rewritten, "xinhua", "Updated version");

        Assert.Equal(Story(first), Story(second));
        Assert.Equal(1, second.GetProperty("outletCount").GetInt32());
        var story = await _ingest.Http.GetFromJsonAsync<JsonElement>($"/api/stories/{Story(first)}", Ct);
        Assert.Equal(2, story.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task A_copy_arriving_after_the_window_starts_a_new_story()
    {
        var original = await PostAsync(StoryTexts.Original, "xinhua", "Then");
        _clock.Advance(TimeSpan.FromHours(73));
        var late = await PostAsync(StoryTexts.Rewritten, "reuters", "Much later");

        Assert.NotEqual(Story(original), Story(late));
    }

    [Fact]
    public async Task Stories_survive_a_restart()
    {
        var original = await PostAsync(StoryTexts.Original, "xinhua", "Before the restart");
        await _ingest.DisposeAsync();
        _ingest = await StartAsync();

        var copy = await PostAsync(StoryTexts.Rewritten, "reuters", "After the restart");

        Assert.Equal(Story(original), Story(copy));
        Assert.Equal(2, copy.GetProperty("outletCount").GetInt32());
    }

    [Fact]
    public async Task The_same_canonical_url_is_the_same_article_even_with_tracking_parameters_and_edited_text()
    {
        var first = await PostAsync(StoryTexts.Original, "xinhua", "Original", "https://News.Example/world/police-cooperation#top");
        var again = await PostAsync(StoryTexts.Original + "\nUpdated at 10:00 with the memorandum's title.", "xinhua", "Edited",
            "https://news.example:443/world/police-cooperation?utm_source=rss&utm_medium=feed");

        Assert.Equal(first.GetProperty("articleId").GetString(), again.GetProperty("articleId").GetString());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        await Task.Delay(300, Ct);
        var published = Assert.Single(_log.Ingested);
        Assert.Equal("https://news.example/world/police-cooperation", published.Url);
    }
}
