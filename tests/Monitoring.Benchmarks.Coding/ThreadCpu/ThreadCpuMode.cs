using System.Globalization;
using System.Runtime;

namespace Monitoring.Benchmarks.Coding.ThreadCpu;

/// <summary>
/// <c>dotnet run -c Release -- --thread-cpu [--rounds N] [--warmup N] [--sample-repeat N] [--csv FILE] [--events FILE]</c>:
/// what coding costs per article against classification, in thread CPU time, on this machine whatever its load.
/// </summary>
internal static class ThreadCpuMode
{
    public static bool Requested(string[] args) => args.Contains("--thread-cpu");

    public static int Run(string[] args)
    {
        if (!ThreadCpuClock.IsAvailable)
        {
            Console.Error.WriteLine("--thread-cpu needs Linux (CLOCK_THREAD_CPUTIME_ID)");
            return 2;
        }

        var rounds = Option(args, "--rounds", 30);
        var warmup = Option(args, "--warmup", 5);
        var sampleRepeat = Option(args, "--sample-repeat", 100);
        var setup = new CodingSetup();
        var corpora = new List<Corpus> { new("sample", [CodingSetup.SampleArticle()], sampleRepeat) };
        if (CodingSetup.HasEvalArticles) corpora.Insert(0, new Corpus("eval", CodingSetup.EvalArticles(), 1));
        else Console.Error.WriteLine($"{CodingSetup.EvalVariable} not set or not a folder: the sample article only");

        Console.Error.WriteLine($"corpora: {string.Join(", ", corpora.Select(c => $"{c.Name} {c.Articles.Length}×{c.Repeat}"))}; "
                                + $"GC {(GCSettings.IsServerGC ? "server" : "workstation")}, tiered compilation {Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "default"}");
        if (Value(args, "--events") is { } eventsPath) EventsDump.Write(setup, corpora, eventsPath);
        if (rounds <= 0) return 0;
        var run = new ThreadCpuRun(setup);
        var series = run.Run(corpora, warmup, rounds, Console.Error.WriteLine);
        Console.WriteLine(ThreadCpuReport.Format(series, warmup, run.CompiledDuringRounds));
        if (Value(args, "--csv") is { } csvPath) File.WriteAllText(csvPath, ThreadCpuReport.Csv(series));
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
