using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Monitor.Bench;

/// <summary>What posting found: how many were new, copies, refused for load (then retried), and the HTTP round trips.</summary>
public sealed record PostResults(int New, int Duplicates, int Refused, int Failed, double[] RoundTripsMs);

/// <summary>Posts the articles over HTTP, as a publisher would: flat out with a fixed number in flight, or at a fixed rate.</summary>
public sealed class BenchDriver(IBenchTarget target, StageClock clock)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<PostResults> PostAsync(IReadOnlyList<BenchArticle> articles, double rate, int concurrency, Action<int> progress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = target.IngestAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", target.WriteKey);
        var next = -1;
        int fresh = 0, duplicates = 0, refused = 0, failed = 0, done = 0;
        var roundTrips = new double[articles.Count];
        // Serialised before the clock starts: the bench's own JSON is not the pipeline's cost.
        var bodies = articles.Select(a => JsonSerializer.SerializeToUtf8Bytes(new { title = a.Title, text = a.Text, url = a.Url, source = a.Source })).ToArray();
        clock.Begin();
        var start = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < articles.Count)
            {
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds(index / rate) - Stopwatch.GetElapsedTime(start);
                    if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken);
                }

                while (true)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(bodies[index]);
                    content.Headers.ContentType = Json;
                    using var response = await http.PostAsync("/api/articles", content, cancellationToken);
                    if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref refused);
                        await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                        continue;
                    }

                    roundTrips[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        Interlocked.Increment(ref failed);
                        break;
                    }

                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    if (body.GetProperty("duplicate").GetBoolean())
                    {
                        Interlocked.Increment(ref duplicates);
                    }
                    else
                    {
                        Interlocked.Increment(ref fresh);
                        clock.Passed(Stage.Posted, body.GetProperty("articleId").GetString()!, sent);
                    }

                    break;
                }

                progress(Interlocked.Increment(ref done));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        return new PostResults(fresh, duplicates, refused, failed, [.. roundTrips.Where(t => t > 0).Order()]);
    }

    /// <summary>One subscription that every bench article matches (the agency in every dateline), delivered to the bench's webhook.</summary>
    public async Task SubscribeAsync(string agency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = target.AlertAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", await target.CreateAnalystAsync(cancellationToken));
        using var response = await http.PostAsJsonAsync("/api/subscriptions", new { name = "Bench: everything", keywords = new[] { agency.ToLowerInvariant() }, webhookUrl = target.WebhookUrl }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the bench subscription was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
