using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Shifts;

namespace Monitoring.Monitor.Tests.Signals;

/// <summary>
/// Through the one-process host: articles posted over HTTP are coded by classify and set off a relation shift against
/// a stored 90-day history (alerting <c>shift:country:UKR</c>, not <c>shift:CHN-RUS</c>), and a story carried by five
/// outlets within a minute breaks (alerting <c>is:breaking</c> once, with its growth curve).
/// </summary>
public sealed class SignalsThroughTheHostTests : IAsyncLifetime
{
    private const string AdminKey = "signals-admin";
    private ServiceHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("signals-host");
        settings["Alert:AdminApiKey"] = AdminKey;
        _host = await ServiceHost.AllAsync(settings);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task PostAsync(string text, string source)
    {
        using var posted = await _host.Http.PostAsync($"/api/articles?source={source}", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);
        posted.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Shelling_after_ninety_quiet_days_alerts_the_shift_subscription_with_the_event_and_the_shift_is_listed()
    {
        // Ninety days of talks between Russia and Ukraine, as the store would hold them had the host been running.
        var store = _host.Services.GetRequiredService<IRelationStore>();
        var now = _host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await QuietHistory.RecordAsync(store, "RUS", "UKR", now);

        var client = new AlertClient(_host, AdminKey);
        var (alice, _) = await client.CreateAnalystAsync("Alice");
        await AlertClient.SubscribeAsync(alice, new { name = "Ukraine's relations", query = "shift:country:UKR" });
        await AlertClient.SubscribeAsync(alice, new { name = "China and Russia", query = "shift:RUS-CHN" });

        await PostAsync("Russian troops attacked Ukrainian soldiers near Kharkiv overnight, officials in Kyiv said. The regional governor said two people were wounded.", "wire");

        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(alice)).Count > 0, "the Ukraine shift subscription is alerted");
        var alerts = await alice.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct);
        var alert = Assert.Single(alerts!);
        var shift = alert.GetProperty("shifts")[0];
        Assert.Equal("RUS-UKR", shift.GetProperty("pair").GetString());
        Assert.Contains("first CAMEO", shift.GetProperty("summary").GetString());
        Assert.Equal("RUS", shift.GetProperty("events")[0].GetProperty("source").GetString());

        var listed = await alice.GetFromJsonAsync<JsonElement[]>("/api/relation-shifts?country=ukr", Ct);
        Assert.Equal(shift.GetProperty("shiftId").GetString(), Assert.Single(listed!).GetProperty("shiftId").GetString());
        using var refused = await alice.GetAsync("/api/relation-shifts?pair=RUS", Ct);
        Assert.Equal(400, (int)refused.StatusCode);
    }

    [Fact]
    public async Task A_story_carried_by_five_outlets_within_a_minute_alerts_the_breaking_subscription_once_with_its_curve()
    {
        var client = new AlertClient(_host, AdminKey);
        var (bob, _) = await client.CreateAnalystAsync("Bob");
        await AlertClient.SubscribeAsync(bob, new { name = "Breaking", query = "is:breaking" });

        const string text = "Foreign ministers of the Nordic states met in Oslo on Monday to discuss Arctic security, fisheries and energy links. "
            + "They agreed to hold a further round of talks in the spring and to set up a joint working group on undersea cables. "
            + "The ministers also discussed support for Ukraine and relations with the European Union.";
        for (var outlet = 1; outlet <= 5; outlet++) await PostAsync(text + $" Reported for outlet number {outlet}.", $"outlet-{outlet}");

        await Eventually.HoldsAsync(async () => (await AlertClient.AlertsAsync(bob)).Count > 0, "the breaking subscription is alerted");
        var alerts = await bob.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct);
        var alert = Assert.Single(alerts!);
        var breaking = alert.GetProperty("breaking");
        Assert.Equal("hour", breaking.GetProperty("window").GetString());
        // The fourth outlet crosses the threshold; the alert service matches articles concurrently, so the fifth may
        // already be counted when the record is written. Either way the curve ends where the record's count stands.
        var outlets = breaking.GetProperty("newOutlets").GetInt32();
        Assert.InRange(outlets, 4, 5);
        Assert.Equal(outlets, breaking.GetProperty("curve").EnumerateArray().Last().GetProperty("outlets").GetInt32());
    }
}
