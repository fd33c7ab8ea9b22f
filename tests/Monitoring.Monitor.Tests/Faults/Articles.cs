using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// Distinct articles for one scenario and a client that posts them the way a careful publisher does: each until ingest
/// takes it (202), waiting out 503 + Retry-After, a refused connection or a timeout. What it ends with is what was
/// accepted: the article ids ingest answered.
/// </summary>
public sealed class Articles(string marker, int count)
{
    private static readonly string[] Words =
    [
        "harbour council village river market teacher doctor bridge winter summer garden factory",
        "railway station harvest engine weather mountain valley island forest library museum theatre",
        "stadium hospital airport festival parliament ministry budget contract election court judge lawyer",
        "witness report survey region province border coast desert lake canal tunnel farmer",
        "worker student nurse pilot driver sailor baker painter writer singer player coach",
        "captain mayor governor senator announced opened closed delayed repaired visited approved rejected",
        "discussed planned built moved counted measured tested signed received delivered launched reviewed",
        "described expected reported confirmed denied estimated increased reduced quietly early late slowly",
        "quickly again often rarely nearly almost mostly partly fully openly briefly new",
        "old large small local national public private northern southern eastern western central",
        "rural urban annual weekly water power bread steel timber cotton coffee sugar",
        "paper glass stone copper wheat rice salt oil fish wool tea morning",
        "evening afternoon night week month season year decade century moment period",
    ];

    private static readonly string[] Vocabulary = Words.SelectMany(line => line.Split(' ')).ToArray();

    public string Marker { get; } = marker;

    /// <summary>Article number <paramref name="index"/>: words drawn at random (seeded by the index), so no two share a story and none is a real text.</summary>
    public string Text(int index)
    {
        var random = new Random(index * 7919 + Marker.Sum(c => c));
        var text = new StringBuilder($"Report {index} on the {Marker} matter\n");
        for (var sentence = 0; sentence < 6; sentence++)
        {
            var words = Enumerable.Range(0, 14).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            if (sentence == 2) text.Append($"The {Marker} case ");
            text.AppendJoin(' ', words).Append(". ");
        }

        return text.ToString();
    }

    /// <summary>Posts every article, <paramref name="parallel"/> at a time, retrying each until accepted or the deadline; the accepted ids.</summary>
    public async Task<PostResult> PostAllAsync(HttpClient ingest, int parallel, TimeSpan deadline, Func<int, Task>? beforeEach = null)
    {
        var accepted = new ConcurrentDictionary<int, string>();
        var refusals = new ConcurrentBag<string>();
        var until = DateTime.UtcNow + deadline;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = TestContext.Current.CancellationToken },
            async (index, cancellationToken) =>
            {
                if (beforeEach is not null) await beforeEach(index);
                while (DateTime.UtcNow < until)
                {
                    var wait = TimeSpan.FromMilliseconds(500);
                    try
                    {
                        using var content = new StringContent(Text(index), Encoding.UTF8, "text/plain");
                        using var response = await ingest.PostAsync($"/api/articles?source=fault-{Marker}", content, cancellationToken);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                            accepted[index] = body.RootElement.GetProperty("articleId").GetString()!;
                            return;
                        }

                        refusals.Add($"{(int)response.StatusCode}{(response.Headers.RetryAfter is { } retry ? " Retry-After " + retry : "")}");
                        if (response.Headers.RetryAfter?.Delta is { } delta) wait = delta;
                        if ((int)response.StatusCode is >= 400 and < 500 and not 429) throw new InvalidOperationException($"article {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                    {
                        refusals.Add(exception.GetType().Name);
                    }

                    await Task.Delay(wait, cancellationToken);
                }
            });
        return new PostResult(accepted.OrderBy(a => a.Key).Select(a => a.Value).ToList(), count - accepted.Count, refusals.ToList());
    }
}

/// <summary>The ids ingest accepted, how many articles it never took before the deadline, and every refusal seen on the way.</summary>
public sealed record PostResult(IReadOnlyList<string> Accepted, int NeverAccepted, IReadOnlyList<string> Refusals);
