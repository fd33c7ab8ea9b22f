using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Monitoring.Monitor.Tests.Places;

/// <summary>Through the one-process host: an article posted over HTTP is placed by classify and alerts the <c>near:</c> subscription whose circle holds its places.</summary>
public sealed class PlacesThroughTheHostTests : IAsyncLifetime
{
    private const string AdminKey = "places-admin";
    private ServiceHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("places-host");
        settings["Alert:AdminApiKey"] = AdminKey;
        _host = await ServiceHost.AllAsync(settings);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_near_subscription_is_alerted_for_an_article_placed_inside_its_circle_and_the_events_carry_the_place()
    {
        var client = new AlertClient(_host, AdminKey);
        var (alice, _) = await client.CreateAnalystAsync("Alice");
        await AlertClient.SubscribeAsync(alice, new { name = "Around Kharkiv", query = "near:\"Kharkiv\" within:100km" });
        await AlertClient.SubscribeAsync(alice, new { name = "Around Paris", query = "near:Paris within:50km" });

        const string text = "Russian forces shelled Kharkiv overnight, Ukrainian officials said. The regional governor said two people were wounded.";
        using var posted = await _host.Http.PostAsync("/api/articles?source=wire", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);
        posted.EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(alice)).Count > 0, "the Kharkiv subscription is alerted");
        var alerts = await AlertClient.AlertsAsync(alice);
        var subscriptions = await alice.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct);
        var kharkiv = subscriptions!.Single(s => s.GetProperty("name").GetString() == "Around Kharkiv").GetProperty("subscriptionId").GetString();
        Assert.Equal([kharkiv], alerts.Select(a => a.SubscriptionId));

        var events = await _host.Http.GetFromJsonAsync<JsonElement[]>("/api/events/coded?bbox=35.5,49.5,37,50.5", Ct);
        Assert.Contains(events!, e => e.GetProperty("actionGeoFeatureId").GetString() == "706483");
        Assert.Empty((await _host.Http.GetFromJsonAsync<JsonElement[]>("/api/events/coded?bbox=2,48,3,49", Ct))!);
    }
}
