using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Monitoring.Monitor.Tests.Corroboration;

/// <summary>
/// Through the one-process host: articles posted over HTTP are de-duplicated into stories by ingest, coded by classify,
/// and a <c>corroborated:3</c> subscription gets one alert, by webhook, once three outlets have reported the expulsion in
/// separately written articles — a syndicated copy counted once, a state outlet marked, the denial shown as a dispute.
/// The articles are written for this test.
/// </summary>
public sealed class CorroborationThroughTheHostTests : IAsyncLifetime
{
    private const string AdminKey = "corroboration-admin";
    private ServiceHost _host = null!;
    private WebhookReceiver _webhook = null!;
    private WebhookReceiver _plain = null!;
    private WebhookReceiver _gated = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Original = """
        Norway expelled three Russian diplomats on Monday after accusing them of gathering intelligence on offshore energy installations, the Norwegian foreign ministry said. The diplomats were given one week to leave the country. The ministry said the three had worked at the Russian embassy in Oslo under diplomatic cover. Officials declined to say how the activity had been discovered. The decision follows months of concern in Oslo about drones seen near gas platforms in the North Sea.
        """;

    // The same wire story, re-headlined and with its last sentence touched: ingest puts it in the original's story.
    private const string Syndicated = """
        Norway expelled three Russian diplomats on Monday after accusing them of gathering intelligence on offshore energy installations, the Norwegian foreign ministry said. The diplomats were given one week to leave the country. The ministry said the three had worked at the Russian embassy in Oslo under diplomatic cover. Officials declined to say how the activity had been discovered. The move follows months of concern in Oslo about drones spotted near gas platforms in the North Sea.
        """;

    private const string Moscow = """
        Russia's foreign ministry promised a firm response after Norway expelled three Russian diplomats. A ministry spokeswoman called the accusations baseless and said the embassy staff had done nothing beyond their normal duties. She said Moscow would decide on its answer in the coming days. Relations between the two neighbours have worsened sharply since 2022, and both sides have reduced the size of their missions.
        """;

    private const string Denied = """
        The Norwegian government denied the reports on Tuesday. A spokesman said no decision about the Russian embassy staff had been taken and that any such matter would be announced by the ministry itself.
        """;

    private const string Analysis = """
        Norway expelled three Russian diplomats, saying they had spied on oil and gas facilities off its coast. Security analysts in Oslo said the expulsions were the largest since 2020. The Norwegian security service has warned for several years that foreign intelligence officers were mapping critical infrastructure. A spokesman for the government would not comment on whether other countries had been informed in advance.
        """;

    private const string Later = """
        Three Russian diplomats left Oslo on Friday. Norway expelled three Russian diplomats earlier in the week over what it called intelligence gathering, and Moscow has promised to respond in kind. Diplomats from both countries said talks on fishing quotas in the Barents Sea would go ahead as planned in spite of the dispute.
        """;

    public async ValueTask InitializeAsync()
    {
        _webhook = await WebhookReceiver.StartAsync();
        _plain = await WebhookReceiver.StartAsync();
        _gated = await WebhookReceiver.StartAsync();
        var settings = TestSettings.InMemory("corroboration-host");
        settings["Alert:AdminApiKey"] = AdminKey;
        settings["Safety:AllowedHosts:0"] = "127.0.0.1";
        _host = await ServiceHost.AllAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _webhook.DisposeAsync();
        await _plain.DisposeAsync();
        await _gated.DisposeAsync();
    }

    private async Task<string> PostAsync(string source, string title, string text)
    {
        using var content = new StringContent(text.Trim(), Encoding.UTF8, "text/plain");
        using var posted = await _host.Http.PostAsync($"/api/articles?source={source}&title={Uri.EscapeDataString(title)}", content, Ct);
        var body = await posted.Content.ReadAsStringAsync(Ct);
        Assert.True(posted.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("articleId").GetString()!;
    }

    [Fact]
    public async Task Three_outlets_writing_separately_raise_one_alert_with_the_provenance_and_the_denial()
    {
        var client = new AlertClient(_host, AdminKey);
        var (alice, _) = await client.CreateAnalystAsync("Alice");
        await AlertClient.SubscribeAsync(alice, new { name = "Expulsions, corroborated", query = "corroborated:3 AND event:17 AND country:NOR", webhookUrl = _webhook.Url.ToString() });

        // Bob hears of every story, and his second channel only of the event once three outlets report it.
        var (bob, _) = await client.CreateAnalystAsync("Bob");
        await AlertClient.SubscribeAsync(bob, new
        {
            name = "Expulsions", query = "event:17 AND country:NOR",
            channels = new object[] { new { type = "webhook", target = _plain.Url.ToString() }, new { type = "webhook", target = _gated.Url.ToString(), minOutlets = 3 } },
        });

        var original = await PostAsync("nordwire", "Norway expels three Russian diplomats", Original);
        var copy = await PostAsync("fjordpost", "Oslo orders three Russian diplomats out", Syndicated);
        var moscow = await PostAsync("tass", "Moscow vows response after Oslo expulsions", Moscow);
        await PostAsync("aftenbladet", "Oslo disputes account of diplomats", Denied);

        // Two outlets so far (the copy is the original's story): nothing yet, however long we wait for the pipeline.
        await Eventually.HoldsAsync(async () => (await alice.GetStringAsync("/api/alerts", Ct)) == "[]" && await CodedAsync(4), "the first four articles are coded");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Empty(await AlertClient.AlertsAsync(alice));

        var analysis = await PostAsync("reuters", "Norwegian expulsions deepen chill with Moscow", Analysis);
        Assert.Empty(_gated.Received);
        await Eventually.HoldsAsync(() => !_webhook.Received.IsEmpty && !_gated.Received.IsEmpty, "the corroborated alert is delivered");
        await PostAsync("bbc", "Russian diplomats leave Oslo", Later);
        await Eventually.HoldsAsync(() => CodedAsync(6), "the sixth article is coded");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        var alert = Assert.Single(await AlertClient.AlertsAsync(alice));
        var delivered = JsonDocument.Parse(Assert.Single(_webhook.Received).Body).RootElement;
        var corroboration = delivered.GetProperty("corroboration");
        Assert.Equal(alert.AlertId, delivered.GetProperty("alertId").GetString());
        Assert.StartsWith("event:NOR-RUS-17-", alert.StoryId, StringComparison.Ordinal);
        Assert.Equal(3, corroboration.GetProperty("independentOutlets").GetInt32());
        var reports = corroboration.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal([original, copy, moscow, analysis], reports.Select(r => r.GetProperty("articleId").GetString()));
        Assert.Equal(["nordwire", "fjordpost", "tass", "reuters"], reports.Select(r => r.GetProperty("outlet").GetString()));
        Assert.Equal([false, true, false, false], reports.Select(r => r.GetProperty("syndicated").GetBoolean()));
        Assert.Equal(reports[0].GetProperty("storyId").GetString(), reports[1].GetProperty("storyId").GetString());
        Assert.True(reports[2].GetProperty("stateAffiliated").GetBoolean());
        Assert.True(corroboration.GetProperty("disputed").GetBoolean());
        Assert.Equal(["aftenbladet"], corroboration.GetProperty("denials").EnumerateArray().Select(d => d.GetProperty("outlet").GetString()));
        Assert.Equal(alert.Corroboration!.EventId, corroboration.GetProperty("eventId").GetString());

        // Bob's gated channel: that event once, with the same provenance; his plain channel: the stories, never the event.
        var gated = JsonDocument.Parse(Assert.Single(_gated.Received).Body).RootElement;
        Assert.Equal(alert.StoryId, gated.GetProperty("storyId").GetString());
        Assert.Equal([original, copy, moscow, analysis], gated.GetProperty("corroboration").GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("articleId").GetString()));
        var stories = _plain.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        // One story alert for the original and its copy: whichever of the two the pipeline matched first (they are processed concurrently).
        var storyArticles = stories.Select(b => b.GetProperty("articleId").GetString()).ToList();
        Assert.True(storyArticles.Count(id => id == original || id == copy) == 1,
            $"the plain channel got [{string.Join(", ", storyArticles)}]; the original is {original}, its copy {copy}, tass {moscow}, reuters {analysis}");
        Assert.All(stories, b => Assert.Equal(JsonValueKind.Null, b.TryGetProperty("corroboration", out var c) ? c.ValueKind : JsonValueKind.Null));
        Assert.Single(await AlertClient.AlertsAsync(bob), a => a.Corroboration is not null);
    }

    private async Task<bool> CodedAsync(int articles)
    {
        var classified = await _host.Http.GetFromJsonAsync<JsonElement[]>("/api/classified-articles?limit=50", Ct);
        return classified!.Length >= articles;
    }
}
