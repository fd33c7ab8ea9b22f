using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Breaking;
using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Shifts;
using Monitoring.Monitor.Tests.Signals;

namespace Monitoring.Monitor.Tests.Integration;

/// <summary>
/// The alerts of issue 15 with ingest, classify and alert as three hosts over a real RabbitMQ broker: a corroborated
/// event (a syndicated copy counted once), the first serious event between two countries against a stored history, a
/// breaking story, and a <c>near:</c> place subscription — each alerting exactly the subscriptions it should, by
/// webhook, once — and both sides' accounts of the sample article's meeting. The articles are written for these tests. Each test has its own analyst and webhook receiver, and
/// queries no other test's articles can match.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignalsOverRabbitMqTests(ServicesOverRabbitMq services) : IClassFixture<ServicesOverRabbitMq>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Expulsion = """
        Poland expelled four Russian diplomats on Thursday, accusing them of spying on military supply routes to Ukraine, the Polish foreign ministry said. The four were given five days to leave. A ministry spokesman said the diplomats had worked at the Russian consulate in Poznan. He gave no details of how they had been identified.
        """;

    // The same wire story with its last sentence reworded: ingest puts it in the original's story.
    private const string ExpulsionCopy = """
        Poland expelled four Russian diplomats on Thursday, accusing them of spying on military supply routes to Ukraine, the Polish foreign ministry said. The four were given five days to leave. A ministry spokesman said the diplomats had worked at the Russian consulate in Poznan. He would not say how they had been found out.
        """;

    private const string ExpulsionFromMoscow = """
        The Kremlin said it would retaliate after Poland expelled four Russian diplomats. A Russian foreign ministry spokeswoman called the decision a provocation and said Moscow would respond in kind. Ties between the two countries have been strained for years.
        """;

    private const string ExpulsionAnalysis = """
        Poland expelled four Russian diplomats this week over what Warsaw called espionage. Security experts said the expulsions were part of a wider effort to close down intelligence networks in central Europe. Polish officials said they had shared their findings with allies.
        """;

    private const string ExpulsionLater = """
        Four Russian diplomats left Poland on Sunday. Poland expelled four Russian diplomats earlier in the week, saying they had spied on routes used to supply Ukraine. Trade talks between the two countries went ahead as planned.
        """;

    [Fact]
    public async Task Three_outlets_writing_separately_raise_one_corroborated_alert_with_the_syndicated_copy_counted_once()
    {
        await using var analyst = await services.AnalystAsync("Corroboration analyst");
        await analyst.SubscribeAsync("Expulsions by Poland, corroborated", "corroborated:3 AND event:17 AND country:POL");

        var original = await services.PostAsync("baltwire", Expulsion);
        var copy = await services.PostAsync("vistulanews", ExpulsionCopy);
        var moscow = await services.PostAsync("tass", ExpulsionFromMoscow);
        Assert.Equal(original.StoryId, copy.StoryId);

        // Three outlets have reported it, but two of them in one story: the alert service has counted them, and raised nothing.
        var eventId = EventIdToday("POL", "RUS", "17");
        await Eventually.HoldsAsync(async () => (await ReportsAsync(eventId)).Count == 3, "the alert service records the first three reports");
        Assert.Empty(await analyst.AlertsAsync());

        var analysis = await services.PostAsync("reuters", ExpulsionAnalysis);
        await Eventually.HoldsAsync(() => !analyst.Webhook.Received.IsEmpty, "the corroborated alert is delivered");
        await services.PostAsync("bbc", ExpulsionLater);
        await Eventually.HoldsAsync(async () => (await ReportsAsync(eventId)).Count == 5, "the fifth report is recorded");

        var alert = Assert.Single(await analyst.SettledAlertsAsync(expected: 1));
        var delivered = Assert.Single(ServicesOverRabbitMq.Payloads(analyst.Webhook));
        Assert.Equal(alert.GetProperty("alertId").GetString(), delivered.GetProperty("alertId").GetString());
        Assert.Equal("event:" + eventId, alert.GetProperty("storyId").GetString());
        var corroboration = delivered.GetProperty("corroboration");
        Assert.Equal(eventId, corroboration.GetProperty("eventId").GetString());
        Assert.Equal(3, corroboration.GetProperty("independentOutlets").GetInt32());
        var reports = corroboration.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal([original.ArticleId, copy.ArticleId, moscow.ArticleId, analysis.ArticleId], reports.Select(r => r.GetProperty("articleId").GetString()));
        Assert.Equal(["baltwire", "vistulanews", "tass", "reuters"], reports.Select(r => r.GetProperty("outlet").GetString()));
        Assert.Equal([false, true, false, false], reports.Select(r => r.GetProperty("syndicated").GetBoolean()));
        Assert.True(reports[2].GetProperty("stateAffiliated").GetBoolean());
        Assert.False(corroboration.GetProperty("disputed").GetBoolean());
    }

    private const string Shelling = """
        Azerbaijani forces shelled Armenian border positions overnight, the Armenian defence ministry said. Two soldiers were wounded, it said.
        """;

    private const string ShellingElsewhere = """
        Armenia accused Azerbaijan of a new ceasefire violation on Tuesday. Azerbaijani troops fired mortar rounds at Armenian positions in the south, a spokeswoman for the defence ministry in Yerevan said.
        """;

    [Fact]
    public async Task The_first_shelling_in_ninety_days_of_talks_alerts_the_shift_subscription_once()
    {
        // Ninety days of talks between Armenia and Azerbaijan, as the alert service's store would hold them had it been running.
        var store = services.Alert.Services.GetRequiredService<IRelationStore>();
        var now = services.Alert.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await QuietHistory.RecordAsync(store, "ARM", "AZE", now);

        await using var analyst = await services.AnalystAsync("Shift analyst");
        var armenia = await analyst.SubscribeAsync("Armenia's relations", "shift:country:ARM");
        await analyst.SubscribeAsync("China and Russia", "shift:CHN-RUS");

        await services.PostAsync("armenpress", Shelling);
        await Eventually.HoldsAsync(() => !analyst.Webhook.Received.IsEmpty, "the shift alert is delivered");

        // A second, separately written report of shelling between them: an event of the same root, no second shift.
        var today = DateOnly.FromDateTime(services.Alert.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var second = await services.PostAsync("azatutyun", ShellingElsewhere);
        await Eventually.HoldsAsync(
            async () => (await store.EventsAsync("ARM-AZE", today.AddDays(-1), today, [4], 50, Ct)).Any(e => e.StoryId == second.StoryId && e.Root == "19"),
            "the second report's shelling is recorded");

        var alert = Assert.Single(await analyst.SettledAlertsAsync(expected: 1));
        Assert.Equal(armenia, alert.GetProperty("subscriptionId").GetString());
        var shift = Assert.Single(ServicesOverRabbitMq.Payloads(analyst.Webhook)).GetProperty("shifts")[0];
        Assert.Equal("ARM-AZE", shift.GetProperty("pair").GetString());
        Assert.Contains("first CAMEO 19", shift.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("AZE", shift.GetProperty("events")[0].GetProperty("source").GetString());

        var listed = await analyst.Http.GetFromJsonAsync<JsonElement[]>("/api/relation-shifts?pair=AZE-ARM", Ct);
        Assert.Equal(shift.GetProperty("shiftId").GetString(), Assert.Single(listed!).GetProperty("shiftId").GetString());
    }

    private const string RateRise = """
        The central bank of Chile unexpectedly raised interest rates by half a point on Wednesday, citing a rebound in inflation. Economists had expected rates to stay on hold. The peso rose against the dollar after the announcement, and bond yields climbed to their highest level in a year.
        """;

    [Fact]
    public async Task A_story_five_outlets_carry_within_a_minute_alerts_the_breaking_subscription_once_with_its_curve()
    {
        await using var analyst = await services.AnalystAsync("Breaking analyst");
        await analyst.SubscribeAsync("Breaking", "is:breaking");

        string? storyId = null;
        for (var outlet = 1; outlet <= 5; outlet++)
        {
            var posted = await services.PostAsync($"andes-{outlet}", RateRise + $" Reported by desk {outlet}.");
            Assert.Equal(storyId ??= posted.StoryId, posted.StoryId);
        }

        var growth = services.Alert.Services.GetRequiredService<IStoryGrowthStore>();
        await Eventually.HoldsAsync(async () => (await growth.ArrivalsAsync(storyId!, Ct)).Count == 5, "the alert service counts five outlets on the story");

        var alert = Assert.Single(await analyst.SettledAlertsAsync(expected: 1));
        Assert.Equal(storyId, alert.GetProperty("storyId").GetString());
        var breaking = Assert.Single(ServicesOverRabbitMq.Payloads(analyst.Webhook)).GetProperty("breaking");
        Assert.Equal("hour", breaking.GetProperty("window").GetString());
        // The fourth outlet crosses the threshold; matching runs concurrently, so the fifth may be counted already.
        var outlets = breaking.GetProperty("newOutlets").GetInt32();
        Assert.InRange(outlets, 4, 5);
        Assert.Equal(outlets, breaking.GetProperty("curve").EnumerateArray().Last().GetProperty("outlets").GetInt32());
    }

    private const string DockStrike = """
        Dock workers in Gdansk went on strike on Monday over pay, halting container traffic at the Baltic port. Union leaders said the strike would last three days.
        """;

    private const string DockStrikeElsewhere = """
        Dockers in Rotterdam held a one-day strike over automation plans, the union said. Container ships were diverted to Antwerp.
        """;

    [Fact]
    public async Task A_near_subscription_is_alerted_for_the_article_inside_its_circle_only_and_the_event_carries_its_place()
    {
        await using var analyst = await services.AnalystAsync("Places analyst");
        var gdansk = await analyst.SubscribeAsync("Around Gdansk", "near:\"Gdansk\" within:50km");
        await analyst.SubscribeAsync("Around Lyon", "near:Lyon within:50km");

        var inside = await services.PostAsync("baltic-daily", DockStrike);
        var outside = await services.PostAsync("havenkrant", DockStrikeElsewhere);

        var alert = Assert.Single(await analyst.SettledAlertsAsync(expected: 1));
        Assert.Equal(gdansk, alert.GetProperty("subscriptionId").GetString());
        Assert.Equal(inside.ArticleId, alert.GetProperty("articleId").GetString());
        Assert.Equal(inside.ArticleId, Assert.Single(ServicesOverRabbitMq.Payloads(analyst.Webhook)).GetProperty("articleId").GetString());

        // Classify stores the events with GDELT's ActionGeo fields; its bounding box finds Gdańsk's event, not Rotterdam's.
        await Eventually.HoldsAsync(async () => (await services.Classify.Http.GetAsync($"/api/classified-articles/{outside.ArticleId}", Ct)).IsSuccessStatusCode, "the Rotterdam article is coded");
        var aroundGdansk = await services.Classify.Http.GetFromJsonAsync<JsonElement[]>("/api/events/coded?bbox=18,54,19,55", Ct);
        Assert.Equal(["3099434"], aroundGdansk!.Select(e => e.GetProperty("actionGeoFeatureId").GetString()).Distinct());
        Assert.Empty((await services.Classify.Http.GetFromJsonAsync<JsonElement[]>("/api/events/coded?bbox=4.5,45.5,5.2,46", Ct))!);
    }

    // Russia's side of the sample article's meeting, as a Russian outlet might write it.
    private const string RussianReadout = """
        Shoigu and Chen Wenqing hold security talks
        Secretary of the Russian Security Council Sergei Shoigu met Chen Wenqing, a member of the Political Bureau of the Communist Party of China Central Committee, on Wednesday. Shoigu said Russia was ready to deepen cooperation with China against terrorism and extremism. The two sides signed a memorandum on cooperation between their security agencies. Russia also proposed joint exercises of the two countries' special forces next year. Chen said China valued its strategic partnership with Russia.
        """;

    [Fact]
    public async Task Both_sides_of_the_sample_meeting_are_told_apart_by_their_outlets_and_served_by_the_alert_service_beside_the_forwarded_story()
    {
        await using var analyst = await services.AnalystAsync("Sides analyst");
        var chinese = await services.PostAsync("cgtn", SampleArticle.Text);
        await services.PostAsync("tass", RussianReadout);

        JsonElement meeting = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await analyst.Http.GetAsync($"/api/stories/{chinese.StoryId}/sides", Ct);
            if (!response.IsSuccessStatusCode) return false;
            var meetings = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("meetings");
            if (meetings.GetArrayLength() != 1) return false;
            meeting = meetings[0];
            return meeting.GetProperty("accounts").EnumerateArray().All(a => a.GetProperty("articles").GetArrayLength() > 0);
        }, "the alert service holds both readouts' events");

        Assert.Equal("CHN-RUS", meeting.GetProperty("pair").GetString());
        Assert.Equal(["CHN:cgtn", "RUS:tass"], meeting.GetProperty("accounts").EnumerateArray()
            .Select(a => a.GetProperty("side").GetString() + ":" + string.Join(",", a.GetProperty("articles").EnumerateArray().Select(x => x.GetProperty("outlet").GetString()))));
        var differences = meeting.GetProperty("differences").EnumerateArray().ToDictionary(d => d.GetProperty("side").GetString()!);
        static string[] Codes(JsonElement difference, string list) =>
            difference.GetProperty(list).EnumerateArray().Select(e => $"{e.GetProperty("source").GetString()}→{e.GetProperty("target").GetString()} {e.GetProperty("cameo").GetString()}").ToArray();
        // The signed memorandum is Russia's outlets' alone; the judicial cooperation China's readout reports is China's alone.
        Assert.Contains("CHN→RUS 057", Codes(differences["RUS"], "commitments"));
        Assert.Contains("RUS→CHN 057", Codes(differences["RUS"], "commitments"));
        Assert.Contains("RUS→CHN 0313", Codes(differences["CHN"], "commitments"));
        Assert.DoesNotContain(Codes(differences["CHN"], "commitments"), code => code.EndsWith(" 057", StringComparison.Ordinal));
        Assert.StartsWith("Only RUS outlets report:", differences["RUS"].GetProperty("summary").GetString(), StringComparison.Ordinal);

        // The story itself is ingest's: the alert service forwards its read there, and serves the sides itself.
        using var story = await analyst.Http.GetAsync($"/api/stories/{chinese.StoryId}", Ct);
        Assert.True(story.IsSuccessStatusCode, await story.Content.ReadAsStringAsync(Ct));
        using var unknown = await analyst.Http.GetAsync("/api/stories/no-such-story/sides", Ct);
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Contains("no event between two countries", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private string EventIdToday(string source, string target, string root)
    {
        var window = services.Alert.Services.GetRequiredService<IOptions<CorroborationOptions>>().Value.Window;
        var now = services.Alert.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return EventReports.EventIdOf(source, target, root, EventReports.WindowStart(now, window));
    }

    private Task<IReadOnlyList<EventReport>> ReportsAsync(string eventId) =>
        services.Alert.Services.GetRequiredService<ICorroborationStore>().ReportsAsync(eventId, Ct);
}
