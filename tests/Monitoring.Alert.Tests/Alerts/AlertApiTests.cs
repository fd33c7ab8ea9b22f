using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Matching;

namespace Monitoring.Alert.Tests.Alerts;

/// <summary>Analysts, keys and subscriptions over HTTP: who may see and change what.</summary>
public sealed class AlertApiTests : IAsyncLifetime
{
    private const string AdminKey = "test-admin-key";
    private ServiceHost _alert = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("alert-api");
        settings["Alert:AdminApiKey"] = AdminKey;
        _alert = await ServiceHost.AlertAsync(settings);
    }

    public ValueTask DisposeAsync() => _alert.DisposeAsync();

    [Fact]
    public async Task Requests_without_a_valid_key_are_refused_with_401()
    {
        using var anonymous = Client(null);
        using var wrongKey = Client("mon_not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/subscriptions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/alerts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_admin_key_creates_analysts_and_their_key_is_not_stored_in_clear()
    {
        var (analyst, key) = await CreateAnalystAsync("Alice");

        Assert.StartsWith("mon_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/analysts", new { name = "Mallory" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(AdminKey).GetAsync("/api/subscriptions", Ct)).StatusCode);

        var database = await File.ReadAllBytesAsync(AlertDatabasePath, Ct);
        Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_creates_lists_reads_and_deletes_their_subscription()
    {
        var (alice, _) = await CreateAnalystAsync("Alice");

        using var created = await alice.PostAsJsonAsync("/api/subscriptions", new
        {
            name = " China–Russia ",
            topics = new[] { "Law-Enforcement" },
            countries = new[] { "chn", "RUS" },
            keywords = new[] { "Shoigu" },
            webhookUrl = "https://hooks.example/a",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = subscription.GetProperty("subscriptionId").GetString();
        Assert.Equal($"/api/subscriptions/{id}", created.Headers.Location?.ToString());
        Assert.Equal("China–Russia", subscription.GetProperty("name").GetString());
        Assert.Equal(["law-enforcement"], subscription.GetProperty("topics").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["CHN", "RUS"], subscription.GetProperty("countries").EnumerateArray().Select(e => e.GetString()));

        Assert.Single((await alice.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/subscriptions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/subscriptions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/subscriptions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_analyst_s_ids_answer_404_on_every_verb()
    {
        var (alice, _) = await CreateAnalystAsync("Alice");
        var (bob, _) = await CreateAnalystAsync("Bob");
        var subscriptionId = await CreateSubscriptionAsync(alice);
        var alertId = await RaiseAlertAsync(subscriptionId);

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/alerts/{alertId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/subscriptions/{subscriptionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/subscriptions/{subscriptionId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/alerts/{alertId}", Ct)).StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/subscriptions", Ct))!);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/subscriptions/{subscriptionId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Owner_and_id_in_a_request_body_are_ignored()
    {
        var (alice, _) = await CreateAnalystAsync("Alice");

        using var created = await alice.PostAsJsonAsync("/api/subscriptions", new
        {
            name = "n", topics = new[] { "diplomacy" }, analystId = "someone-else", subscriptionId = "chosen-id",
        }, Ct);

        var subscription = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual("someone-else", subscription.GetProperty("analystId").GetString());
        Assert.NotEqual("chosen-id", subscription.GetProperty("subscriptionId").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "not a public address")]
    [InlineData("http://2130706433/hook", "not a public address")]
    [InlineData("http://[::ffff:127.0.0.1]/hook", "not a public address")]
    [InlineData("http://169.254.169.254/latest/meta-data", "not a public address")]
    [InlineData("http://10.0.0.7/hook", "not a public address")]
    [InlineData("http://localhost:5000/hook", "this machine")]
    [InlineData("http://user:secret@hooks.example/hook", "credentials")]
    public async Task Webhooks_that_point_inside_are_refused_when_the_subscription_is_saved(string url, string reason)
    {
        var (alice, _) = await CreateAnalystAsync("Alice");

        using var response = await alice.PostAsJsonAsync("/api/subscriptions", new { name = "n", topics = new[] { "diplomacy" }, webhookUrl = url }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"n\"}", "criteria")]
    [InlineData("{\"topics\":[\"diplomacy\"]}", "name")]
    [InlineData("{\"name\":\"n\",\"countries\":[\"China\"]}", "countries")]
    [InlineData("{\"name\":\"n\",\"topics\":[\"diplomacy\"],\"webhookUrl\":\"ftp://x/y\"}", "webhookUrl")]
    public async Task Invalid_subscriptions_are_refused_with_422_naming_the_field(string json, string field)
    {
        var (alice, _) = await CreateAnalystAsync("Alice");

        using var response = await alice.PostAsync("/api/subscriptions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name '{field}'");
    }

    private string AlertDatabasePath => _alert.Services.GetRequiredService<Monitoring.Storage.SqliteDatabase>().Path;

    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = _alert.Address };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<(HttpClient Client, string Key)> CreateAnalystAsync(string name)
    {
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/analysts", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("apiKey").GetString()!;
        return (Client(key), key);
    }

    private static async Task<string> CreateSubscriptionAsync(HttpClient analyst)
    {
        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", new { name = "n", topics = new[] { "diplomacy" } }, Ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subscriptionId").GetString()!;
    }

    private async Task<string> RaiseAlertAsync(string subscriptionId)
    {
        await using var scope = _alert.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertRaiser>().RaiseAsync(new Contracts.ArticleClassified
        {
            ArticleId = "article-1",
            StoryId = "article-1",
            Text = "The foreign ministers held talks.",
            Language = "en",
            IngestedAt = Times.At(0),
            ClassifiedAt = Times.At(1),
            Topics = [new Contracts.TopicScore { Id = "diplomacy", Score = 5 }],
            Countries = [],
        }, Ct);
        return AlertRaiser.AlertIdFor(subscriptionId, "article-1");
    }
}
