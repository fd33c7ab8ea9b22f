using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Delivery;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// The history check: for every accepted article, stored by ingest, classified, alerted (one alert, for its own story),
/// delivered to the webhook. Counts what was lost at each step and what came twice; the receiver's idempotency key
/// (<see cref="DeliveryIds.AlertIdHeader"/>) tells a repeated delivery from a new one.
/// </summary>
public sealed record History(
    int Accepted, int Stored, int Classified, int Alerted, int Delivered, int DuplicateAlerts, int RepeatedDeliveries,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Repeated)
{
    public bool NothingLost => Stored == Accepted && Classified == Accepted && Alerted == Accepted && Delivered == Accepted;

    public override string ToString() =>
        $"accepted {Accepted} → stored {Stored} → classified {Classified} → alerted {Alerted} (duplicates {DuplicateAlerts}) → delivered {Delivered} " +
        $"(repeated deliveries {RepeatedDeliveries}{(Repeated.Count > 0 ? ": " + string.Join(", ", Repeated) : "")})" +
        (Missing.Count > 0 ? $"; missing: {string.Join("; ", Missing.Take(10))}" : "");

    /// <summary>Reads the history of <paramref name="accepted"/> from the three services' APIs and the webhook receiver.</summary>
    public static async Task<History> ReadAsync(Pipeline pipeline, string subscriptionId, IReadOnlyList<string> accepted)
    {
        var ct = TestContext.Current.CancellationToken;
        using var ingest = pipeline.Client(pipeline.Ingest);
        using var classify = pipeline.Client(pipeline.Classify);
        var missing = new List<string>();
        int stored = 0, classified = 0;
        foreach (var id in accepted)
        {
            if (await FoundAsync(ingest, $"/api/articles/{id}", ct)) stored++;
            else missing.Add($"{id} not stored");
            if (await FoundAsync(classify, $"/api/classified-articles/{id}", ct)) classified++;
            else missing.Add($"{id} not classified");
        }

        var alerts = (await AllAlertsAsync(pipeline.Analyst, ct)).Where(a => a.SubscriptionId == subscriptionId).ToList();
        var alertsByArticle = alerts.GroupBy(a => a.ArticleId).ToDictionary(g => g.Key, g => g.ToList());
        var alerted = accepted.Count(alertsByArticle.ContainsKey);
        missing.AddRange(accepted.Where(id => !alertsByArticle.ContainsKey(id)).Select(id => $"{id} not alerted"));
        var duplicateAlerts = alertsByArticle.Values.Sum(g => g.Count - 1) + alerts.Count(a => !accepted.Contains(a.ArticleId));

        var receipts = pipeline.Webhook.Received
            .Where(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("subscriptionId").GetString() == subscriptionId)
            .Select(r => r.Headers[DeliveryIds.AlertIdHeader])
            .ToList();
        var ids = alerts.Where(a => accepted.Contains(a.ArticleId)).Select(a => a.AlertId).ToHashSet();
        var delivered = ids.Count(receipts.Contains);
        missing.AddRange(alerts.Where(a => !receipts.Contains(a.AlertId)).Select(a => $"alert {a.AlertId} ({a.DeliveryStatus}, {a.LastError}) not delivered"));
        var repeated = receipts.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        return new History(accepted.Count, stored, classified, alerted, delivered, duplicateAlerts, receipts.Count - receipts.Distinct().Count(), missing, repeated);
    }

    /// <summary>Waits until nothing is lost any more (or the time is up), then lets late repeats arrive, and reads the history once more.</summary>
    public static async Task<History> SettleAsync(Pipeline pipeline, string subscriptionId, IReadOnlyList<string> accepted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        History history;
        do
        {
            history = await ReadAsync(pipeline, subscriptionId, accepted);
            if (history.NothingLost) break;
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        // A repeat would come from a sweep or a redelivery: give them a lease and a sweep to show up.
        await Task.Delay(Pipeline.DeliveryLease + TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        return await ReadAsync(pipeline, subscriptionId, accepted);
    }

    private static async Task<bool> FoundAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        return response.StatusCode == HttpStatusCode.OK ? true
            : response.StatusCode == HttpStatusCode.NotFound ? false
            : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Every alert of the analyst, page after page, following the Link header.</summary>
    public static async Task<List<AlertRecord>> AllAlertsAsync(HttpClient analyst, CancellationToken ct)
    {
        var all = new List<AlertRecord>();
        for (string? next = "/api/alerts?limit=200"; next is not null;)
        {
            using var response = await analyst.GetAsync(next, ct);
            response.EnsureSuccessStatusCode();
            all.AddRange((await response.Content.ReadFromJsonAsync<List<AlertRecord>>(ct))!);
            next = NextLink(response);
        }

        return all;
    }

    /// <summary>The target of <c>Link: &lt;…&gt;; rel="next"</c>, or null on the last page.</summary>
    public static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.SelectMany(l => l.Split(',')).Select(l => l.Trim()).Where(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf('<') + 1)..l.IndexOf('>')]).FirstOrDefault()
            : null;
}
