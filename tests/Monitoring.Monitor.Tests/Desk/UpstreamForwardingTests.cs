using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Monitor.Tests.Desk;

/// <summary>
/// Three services, three hosts: the desk on the alert service reads stories from ingest and events from classify
/// through the alert service, with the analyst's key checked there; feed administration passes the caller's key.
/// </summary>
public sealed class UpstreamForwardingTests
{
    private const string AdminKey = "forward-admin";
    private const string IngestAdminKey = "forward-ingest-admin";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_alert_service_forwards_the_desk_s_reads_to_ingest_and_classify_for_analysts_only()
    {
        var ingestSettings = TestSettings.InMemory("forward-ingest");
        ingestSettings["Ingest:AdminApiKey"] = IngestAdminKey;
        ingestSettings["Access:ReadKeys:0"] = "ingest-read-key";
        await using var ingest = await ServiceHost.IngestAsync(ingestSettings);

        // Classify knows only its read key: an analyst's key forwarded as it came would be refused there (401).
        var classifySettings = TestSettings.InMemory("forward-classify");
        classifySettings["Access:ReadKeys:0"] = "classify-read-key";
        await using var classify = await ServiceHost.ClassifyAsync(classifySettings);
        var alertSettings = TestSettings.InMemory("forward-alert");
        alertSettings["Alert:AdminApiKey"] = AdminKey;
        alertSettings["Alert:Upstreams:Ingest:Url"] = ingest.Address.ToString();
        alertSettings["Alert:Upstreams:Ingest:ReadKey"] = "ingest-read-key";
        alertSettings["Alert:Upstreams:Classify:Url"] = classify.Address.ToString();
        alertSettings["Alert:Upstreams:Classify:ReadKey"] = "classify-read-key";
        await using var alert = await ServiceHost.AlertAsync(alertSettings);
        var (analyst, _) = await new AlertClient(alert, AdminKey).CreateAnalystAsync("Ana");

        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/events/coded?pair=CHN-RUS", Ct))!);
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/events/daily?country=RUS", Ct))!);
        Assert.Empty((await analyst.GetFromJsonAsync<JsonElement[]>("/api/classified-articles?story=s1", Ct))!);
        using (var story = await analyst.GetAsync("/api/stories/no-such-story", Ct))
        {
            await Problems.AssertAsync(story, HttpStatusCode.NotFound, "no-such-story");
        }

        using (var invalid = await analyst.GetAsync("/api/events/daily?pair=XX", Ct))
        {
            await Problems.AssertAsync(invalid, HttpStatusCode.BadRequest, "pair must be two ISO-3 codes");
        }

        using (var anonymous = await alert.Http.GetAsync("/api/events/coded", Ct))
        {
            await Problems.AssertAsync(anonymous, HttpStatusCode.Unauthorized, "X-Api-Key");
        }

        // Straight to classify, the analyst's key is unknown: only the alert service's read key opens it.
        using (var direct = new HttpClient { BaseAddress = classify.Address })
        {
            direct.DefaultRequestHeaders.Add("X-Api-Key", analyst.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
            using var refusedDirectly = await direct.GetAsync("/api/events/coded", Ct);
            await Problems.AssertAsync(refusedDirectly, HttpStatusCode.Unauthorized, "X-Api-Key");
        }

        using var admin = new HttpClient { BaseAddress = alert.Address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", IngestAdminKey);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/sources", Ct))!);
        using (var refused = await analyst.GetAsync("/api/sources", Ct))
        {
            await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, "admin key");
        }
    }
}
