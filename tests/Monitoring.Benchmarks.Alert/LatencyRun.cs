using System.Diagnostics;
using Monitoring.Alert.Matching;

namespace Monitoring.Benchmarks.Alert;

/// <summary>
/// Per-article latency percentiles on one thread: BenchmarkDotNet reports means over iterations, while the target is a
/// p99 per article, so each match is timed on its own here (after a warm-up) over many distinct articles.
/// </summary>
public static class LatencyRun
{
    public static void Run(int[] sizes, int articles, int runs, bool specific)
    {
        var corpus = SubscriptionCorpus.Articles(articles);
        Console.WriteLine($"corpus: {(specific ? "specific" : "broad")} subscriptions");
        Console.WriteLine($"{"subscriptions",13} {"articles",8} {"mean µs",8} {"p50 µs",8} {"p90 µs",8} {"p99 µs",8} {"max µs",8} {"candidates",10} {"matches",8} {"ns/cand",7} {"build ms",8}");
        foreach (var size in sizes)
        {
            var subscriptions = SubscriptionCorpus.Create(size, specific: specific);
            var index = new SubscriptionIndex(subscriptions);
            foreach (var article in corpus) index.Match(article); // the first articles teach the key frequencies

            // As the catalog's periodic reload does: file everything again, now by the frequencies observed.
            var build = Stopwatch.StartNew();
            index = new SubscriptionIndex(subscriptions, index.Frequencies);
            build.Stop();
            for (var pass = 0; pass < 3; pass++) foreach (var article in corpus) index.Match(article); // past tiered JIT

            var timings = new double[runs];
            long matches = 0;
            for (var i = 0; i < runs; i++)
            {
                var article = corpus[i % corpus.Count];
                var started = Stopwatch.GetTimestamp();
                matches += index.Match(article).Count;
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            var mean = timings.Average();
            Array.Sort(timings);
            var candidates = corpus.Take(500).Average(a => index.CandidateCount(a));
            Console.WriteLine(
                $"{size,13:N0} {runs,8:N0} {mean,8:F1} {Percentile(timings, 50),8:F1} {Percentile(timings, 90),8:F1} {Percentile(timings, 99),8:F1} {timings[^1],8:F1} {candidates,10:F0} {(double)matches / runs,8:F1} {mean * 1000 / Math.Max(candidates, 1),7:F0} {build.Elapsed.TotalMilliseconds,8:F0}");
        }
    }

    private static double Percentile(double[] sorted, double percentile) => sorted[(int)Math.Ceiling(percentile / 100 * sorted.Length) - 1];
}
