using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Monitoring.Monitor.Bench;

/// <summary>The figures of a run as a table for a person, and as the lines docs/benchmarks.md quotes.</summary>
public static class BenchReport
{
    public static void Write(BenchResult result, BenchOptions options, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn(new TableColumn("value").LeftAligned());
        foreach (var (measure, value) in Lines(result, options)) table.AddRow(Markup.Escape(measure), Markup.Escape(value));
        console.Write(table);
    }

    public static IEnumerable<(string Measure, string Value)> Lines(BenchResult result, BenchOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("target", result.Target);
        yield return ("load average (1, 5, 15 min)", $"{result.LoadBefore} before, {result.LoadAfter} after; {Environment.ProcessorCount} cores");
        yield return ("articles", string.Create(c, $"{result.Articles} posted {(options.Rate > 0 ? $"at {options.Rate:0} /s" : "flat out")}, {options.Concurrency} in flight: {result.Posts.New} new, {result.Posts.Duplicates} exact duplicates; {result.Posts.Refused} refused for load (retried), {result.Posts.Failed} failed"));
        var matched = result.Stages[Stage.Matched];
        var articles = result.ArticleThroughput is { } perSecond ? string.Create(c, $"{perSecond:0.0} new articles/s through every stage ({matched.Count} matched in {matched.Count / perSecond:0.0} s); ") : "";
        yield return ("throughput (end to end)", string.Create(c, $"{articles}{result.Throughput:0.0} alerts/s ({result.Stages[Stage.Alerted].Count} alerts in {result.Elapsed.TotalSeconds:0.0} s)"));
        var stages = new StringBuilder();
        foreach (var (stage, (count, rate)) in result.Stages.Where(s => s.Value.Count > 0))
        {
            stages.Append(string.Create(c, $"{stage.ToString().ToLowerInvariant()} {rate:0.0}/s ({count}); "));
        }

        yield return ("per stage", stages.ToString().TrimEnd(' ', ';'));
        yield return ("post → alert raised", Percentiles(result.PostToAlertMs));
        yield return ("post → webhook delivered", Percentiles(result.PostToDeliveryMs));
        yield return ("HTTP post round trip", Percentiles(result.Posts.RoundTripsMs));
        yield return ("queue depth, maximum", result.MaxQueueDepths.Count == 0 ? "n/a" : string.Join(", ", result.MaxQueueDepths.Select(q => $"{q.Key} {q.Value}")));
        yield return ("CPU per new article", string.Join(", ", result.CpuPerArticle.Select(p => string.Create(c, $"{p.Key} {p.Value.TotalMilliseconds:0.00} ms"))));
        yield return ("allocated per new article", result.Memory is { } memory
            ? string.Create(c, $"{memory.Allocated / 1024.0 / Math.Max(1, result.Posts.New):0} KB (this process); {memory.Gen0} collections ({memory.Gen1} of gen1 or 2, {memory.Gen2} of gen2), paused {memory.Paused.TotalMilliseconds:0} ms")
            : "n/a (the services are other processes)");
        if (result.Sqlite is { } sqlite)
        {
            yield return ("SQLite writes per commit", string.Create(c,
                $"{sqlite.Writes / (double)Math.Max(1, sqlite.Commits):0.0} ({sqlite.Writes} writes in {sqlite.Commits} commits; {sqlite.Commits / (double)Math.Max(1, result.Posts.New):0.0} commits per new article)"));
        }

        yield return ("floor (raw RabbitMQ.Client, 3 hops, confirms)", result.Floor is null ? "not measured (needs a broker: --rabbitmq or MONITORING_RABBITMQ_*)" : BrokerFloor.Describe(result.Floor));
        yield return ("pipeline / floor", result.FloorRatio is not { } ratio ? "n/a"
            : result.ArticleFloorRatio is { } articleRatio ? string.Create(c, $"{articleRatio:0.00}× (articles through every stage); {ratio:0.00}× (alerts)")
            : string.Create(c, $"{ratio:0.00}× (alerts)"));
    }

    private static string Percentiles(double[] sorted) => sorted.Length == 0
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture,
            $"p50 {StageClock.Percentile(sorted, 50):0.0} ms, p95 {StageClock.Percentile(sorted, 95):0.0} ms, p99 {StageClock.Percentile(sorted, 99):0.0} ms (n = {sorted.Length})");
}
