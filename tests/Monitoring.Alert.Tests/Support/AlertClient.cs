using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Alerts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Support;

/// <summary>An alert host driven as an analyst would: create an analyst with the admin key, then subscriptions and alerts over HTTP.</summary>
public sealed class AlertClient(ServiceHost host, string adminKey)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(HttpClient Http, string AnalystId)> CreateAnalystAsync(string name)
    {
        using var admin = Client(adminKey);
        using var response = await admin.PostAsJsonAsync("/api/analysts", new { name }, Ct);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (Client(created.GetProperty("apiKey").GetString()), created.GetProperty("analystId").GetString()!);
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = host.Address };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Creates the subscription; returns the created body (with the signing secret shown once).</summary>
    public static async Task<JsonElement> SubscribeAsync(HttpClient analyst, object request)
    {
        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    public static async Task<List<AlertRecord>> AlertsAsync(HttpClient analyst) =>
        (await analyst.GetFromJsonAsync<List<AlertRecord>>("/api/alerts", Ct))!;

    public Task PublishAsync(ArticleClassified article) => host.Services.GetRequiredService<IBus>().Publish(article, Ct);

    public static ArticleClassified Article(string id, string topic = "diplomacy", string? story = null, string? source = null, string? text = null, DateTimeOffset? at = null) => new()
    {
        ArticleId = id,
        StoryId = story ?? id,
        Title = "Title " + id,
        Url = "https://news.example/" + id,
        Source = source,
        Text = text ?? "Text " + id,
        Language = "en",
        IngestedAt = at ?? Times.At(0),
        ClassifiedAt = at ?? Times.At(1),
        Topics = [new TopicScore { Id = topic, Score = 5 }],
        Countries = ["CHN"],
    };
}
