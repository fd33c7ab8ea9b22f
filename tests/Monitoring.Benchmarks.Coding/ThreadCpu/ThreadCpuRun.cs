using System.Diagnostics;
using Monitoring.Classify;

namespace Monitoring.Benchmarks.Coding.ThreadCpu;

/// <summary>A corpus to measure; a short one is repeated within a round so that a round lasts long enough to time.</summary>
internal sealed record Corpus(string Name, string[] Articles, int Repeat)
{
    public int Count => Articles.Length * Repeat;
}

/// <summary>One round of one corpus and scheme, per article: CPU nanoseconds and bytes allocated by this thread.</summary>
internal readonly record struct Round(double ClassifyNs, double CodeNs, double ClassifyBytes, double CodeBytes, double WallNs, int Events);

/// <summary>The rounds of one corpus under one scheme; under "per-article" also every article's times, round by round.</summary>
internal sealed class Series(string corpus, string scheme)
{
    public string Corpus { get; } = corpus;
    public string Scheme { get; } = scheme;
    public List<Round> Rounds { get; } = [];
    public List<(double ClassifyNs, double CodeNs)[]> Articles { get; } = [];
}

/// <summary>
/// Times classification and <c>Code(classification)</c> separately with the thread's CPU clock, in rounds that alternate
/// the two, so that a burst of load (cache and memory bandwidth shared with other processes) falls on both alike.
/// Two schemes per round: "loops" classifies the whole corpus, then codes its classifications (as the BenchmarkDotNet
/// <c>Classify</c> and <c>ClassifyAndCode</c> loops do); "per-article" classifies then codes each article (as the
/// classify consumer does). Their order alternates from round to round.
/// </summary>
internal sealed class ThreadCpuRun(CodingSetup setup)
{
    public const string Loops = "loops", PerArticle = "per-article";

    /// <summary>Methods the JIT compiled during the measured rounds (tier-up still going on if many).</summary>
    public int CompiledDuringRounds { get; private set; }

    public List<Series> Run(IReadOnlyList<Corpus> corpora, int warmup, int rounds, Action<string> progress)
    {
        for (var w = 0; w < warmup; w++)
        {
            foreach (var corpus in corpora)
            {
                MeasureLoops(corpus);
                MeasurePerArticle(corpus, null);
            }

            progress($"warm-up {w + 1}/{warmup}");
        }

        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var series = corpora.SelectMany(c => new[] { new Series(c.Name, Loops), new Series(c.Name, PerArticle) }).ToList();
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < corpora.Count; c++)
            {
                var (loops, perArticle) = (series[2 * c], series[2 * c + 1]);
                if (r % 2 == 0) loops.Rounds.Add(MeasureLoops(corpora[c]));
                perArticle.Rounds.Add(MeasurePerArticle(corpora[c], perArticle));
                if (r % 2 == 1) loops.Rounds.Add(MeasureLoops(corpora[c]));
            }

            if ((r + 1) % 5 == 0 || r + 1 == rounds) progress($"round {r + 1}/{rounds}");
        }

        CompiledDuringRounds = (int)(System.Runtime.JitInfo.GetCompiledMethodCount() - compiled);
        return series;
    }

    /// <summary>
    /// A full collection before every measurement (untimed), so that a phase pays for the collections its own allocation
    /// causes, not for the garbage an earlier phase left (the loops' 300 classifications, promoted while kept alive).
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private Round MeasureLoops(Corpus corpus)
    {
        Settle();
        var classifications = new Classification[corpus.Count];
        var events = 0;
        var wall = Stopwatch.GetTimestamp();
        var (cpu0, bytes0) = Now();
        for (var i = 0; i < classifications.Length; i++)
        {
            classifications[i] = setup.Classifier.Classify(null, corpus.Articles[i % corpus.Articles.Length]);
        }

        var (cpu1, bytes1) = Now();
        foreach (var classification in classifications) events += setup.Coder.Code(classification).Count;
        var (cpu2, bytes2) = Now();
        return PerArticleOf(corpus, cpu1 - cpu0, cpu2 - cpu1, bytes1 - bytes0, bytes2 - bytes1, Stopwatch.GetElapsedTime(wall), events);
    }

    private Round MeasurePerArticle(Corpus corpus, Series? series)
    {
        Settle();
        var byArticle = new (double, double)[corpus.Articles.Length];
        long classifyNs = 0, codeNs = 0, classifyBytes = 0, codeBytes = 0;
        var events = 0;
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < corpus.Count; i++)
        {
            var (cpu0, bytes0) = Now();
            var classification = setup.Classifier.Classify(null, corpus.Articles[i % corpus.Articles.Length]);
            var (cpu1, bytes1) = Now();
            events += setup.Coder.Code(classification).Count;
            var (cpu2, bytes2) = Now();
            (classifyNs, codeNs) = (classifyNs + cpu1 - cpu0, codeNs + cpu2 - cpu1);
            (classifyBytes, codeBytes) = (classifyBytes + bytes1 - bytes0, codeBytes + bytes2 - bytes1);
            var (a, b) = byArticle[i % byArticle.Length];
            byArticle[i % byArticle.Length] = (a + (cpu1 - cpu0) / (double)corpus.Repeat, b + (cpu2 - cpu1) / (double)corpus.Repeat);
        }

        series?.Articles.Add(byArticle);
        return PerArticleOf(corpus, classifyNs, codeNs, classifyBytes, codeBytes, Stopwatch.GetElapsedTime(wall), events);
    }

    private static Round PerArticleOf(Corpus corpus, long classifyNs, long codeNs, long classifyBytes, long codeBytes, TimeSpan wall, int events)
    {
        double n = corpus.Count;
        return new Round(classifyNs / n, codeNs / n, classifyBytes / n, codeBytes / n, wall.TotalNanoseconds / n, events / corpus.Repeat);
    }

    private static (long Cpu, long Bytes) Now() => (ThreadCpuClock.Nanoseconds(), GC.GetAllocatedBytesForCurrentThread());
}
