using System.Text.Json;

namespace Monitoring.Monitor.Bench;

/// <summary>One service endpoint's totals from <c>/health/stages</c>.</summary>
public sealed record EndpointTotal(long Consumed, long Faulted, DateTimeOffset LastAt);

/// <summary>
/// The services' own counts of what their stages finished (<c>GET /health/stages</c> of classify and alert): articles
/// classified (<c>classify-article</c>) and matched against every subscription (<c>match-subscriptions</c>), which the
/// bench cannot see on the broker without reading every large <c>ArticleClassified</c>. So the services' report gives a
/// ratio counted by articles, as the embedded one does.
/// </summary>
public sealed class StageTotalsReader(HttpClient http, Uri classify, Uri alert)
{
    public const string ClassifyEndpoint = "classify-article";
    public const string MatchEndpoint = "match-subscriptions";

    /// <summary>Classified and matched as the services count them now.</summary>
    public async Task<(EndpointTotal Classified, EndpointTotal Matched)> ReadAsync(CancellationToken cancellationToken)
    {
        var classified = Parse(await http.GetStringAsync(new Uri(classify, "/health/stages"), cancellationToken)).GetValueOrDefault(ClassifyEndpoint);
        var matched = Parse(await http.GetStringAsync(new Uri(alert, "/health/stages"), cancellationToken)).GetValueOrDefault(MatchEndpoint);
        var none = new EndpointTotal(0, 0, DateTimeOffset.MinValue);
        return (classified ?? none, matched ?? none);
    }

    public static IReadOnlyDictionary<string, EndpointTotal> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            endpoint => endpoint.Name,
            endpoint => new EndpointTotal(
                endpoint.Value.GetProperty("consumed").GetInt64(),
                endpoint.Value.GetProperty("faulted").GetInt64(),
                endpoint.Value.GetProperty("lastAt").GetDateTimeOffset()),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The stages with <see cref="Stage.Classified"/> and <see cref="Stage.Matched"/> from the services' counts: what
    /// they finished since <paramref name="before"/>, per second from <paramref name="start"/> (the first post) to the
    /// last one they finished.
    /// </summary>
    public static Dictionary<Stage, (long Count, double Rate)> Apply(
        IReadOnlyDictionary<Stage, (long Count, double Rate)> stages,
        (EndpointTotal Classified, EndpointTotal Matched) before,
        (EndpointTotal Classified, EndpointTotal Matched) after,
        DateTimeOffset start)
    {
        static (long, double) Of(EndpointTotal before, EndpointTotal after, DateTimeOffset start)
        {
            var count = after.Consumed - before.Consumed;
            var seconds = (after.LastAt - start).TotalSeconds;
            return (count, count > 0 && seconds > 0 ? count / seconds : 0);
        }

        var result = new Dictionary<Stage, (long Count, double Rate)>(stages)
        {
            [Stage.Classified] = Of(before.Classified, after.Classified, start),
            [Stage.Matched] = Of(before.Matched, after.Matched, start),
        };
        return result;
    }
}
