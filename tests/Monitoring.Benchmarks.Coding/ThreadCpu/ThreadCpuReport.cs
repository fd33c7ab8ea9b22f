using System.Globalization;
using System.Text;
using static Monitoring.Benchmarks.Coding.ThreadCpu.RobustStats;

namespace Monitoring.Benchmarks.Coding.ThreadCpu;

/// <summary>
/// Per corpus and scheme: classification and coding CPU per article (median and 10 % trimmed mean over the rounds),
/// what coding adds as a multiple of classification (the median of the rounds' ratios, with a 95 % bootstrap interval
/// and the rounds' spread), bytes allocated per article, and how far the load stretched the wall clock.
/// </summary>
internal static class ThreadCpuReport
{
    public const double Target = 2.0;

    public static string Format(IReadOnlyList<Series> series, int warmup, int jitDuringRounds)
    {
        var text = new StringBuilder();
        var rounds = series.Count == 0 ? 0 : series[0].Rounds.Count;
        Line(text, $"thread CPU (CLOCK_THREAD_CPUTIME_ID), one thread; {warmup} warm-up rounds, {rounds} measured rounds; "
                   + $"methods JIT-compiled during the measured rounds: {jitDuringRounds}");
        Line(text, "| corpus | scheme | classify µs/article (median / trimmed) | code µs/article (median / trimmed) | coding ÷ classification: median [95% CI] | rounds min–max | KB/article classify / code | events | wall ÷ CPU |");
        Line(text, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in series)
        {
            var ratios = s.Rounds.Select(r => r.CodeNs / r.ClassifyNs).ToArray();
            var (low, high) = BootstrapMedian(ratios);
            var classify = s.Rounds.Select(r => r.ClassifyNs / 1e3).ToArray();
            var code = s.Rounds.Select(r => r.CodeNs / 1e3).ToArray();
            var stretch = s.Rounds.Sum(r => r.WallNs) / s.Rounds.Sum(r => r.ClassifyNs + r.CodeNs);
            Line(text, $"| {s.Corpus} | {s.Scheme} | {F(Median(classify), 1)} / {F(TrimmedMean(classify), 1)} | {F(Median(code), 1)} / {F(TrimmedMean(code), 1)} "
                       + $"| **{F(Median(ratios), 3)}** [{F(low, 3)}, {F(high, 3)}] | {F(ratios.Min(), 2)}–{F(ratios.Max(), 2)} "
                       + $"| {F(Median(s.Rounds.Select(r => r.ClassifyBytes / 1024)), 1)} / {F(Median(s.Rounds.Select(r => r.CodeBytes / 1024)), 1)} "
                       + $"| {string.Join(",", s.Rounds.Select(r => r.Events).Distinct())} | {F(stretch, 2)} |");
        }

        foreach (var s in series.Where(s => s.Articles.Count > 0 && s.Articles[0].Length > 1)) ArticleSpread(text, s);
        foreach (var corpus in series.Select(s => s.Corpus).Distinct()) Verdict(text, series.Single(s => s.Corpus == corpus && s.Scheme == ThreadCpuRun.Loops),
                     series.Single(s => s.Corpus == corpus && s.Scheme == ThreadCpuRun.PerArticle));
        return text.ToString();
    }

    /// <summary>
    /// What coding adds, as medians over the rounds with 95 % intervals. Coding ÷ classifying, both alone, in the consumer's
    /// order (per article) and in separate loops: the target is shown when the upper bound of both is under it. Then as
    /// the BenchmarkDotNet comparison reads it, (classify-and-code − classify alone in a loop) ÷ classify alone in a
    /// loop, which also charges coding with the classifier's own slowdown once the two share the caches.
    /// </summary>
    private static void Verdict(StringBuilder text, Series loops, Series perArticle)
    {
        var perArticleRatios = perArticle.Rounds.Select(r => r.CodeNs / r.ClassifyNs).ToArray();
        var loopRatios = loops.Rounds.Select(r => r.CodeNs / r.ClassifyNs).ToArray();
        var benchmarkRatios = loops.Rounds.Zip(perArticle.Rounds, (l, p) => (p.ClassifyNs + p.CodeNs - l.ClassifyNs) / l.ClassifyNs).ToArray();
        var (_, perArticleHigh) = BootstrapMedian(perArticleRatios);
        var (_, loopsHigh) = BootstrapMedian(loopRatios);
        var (_, benchmarkHigh) = BootstrapMedian(benchmarkRatios);
        Line(text, $"{loops.Corpus}: coding ÷ classification per article {Reading(perArticleRatios)}, loops {Reading(loopRatios)} — "
                   + $"≤ {F(Target, 0)}× shown: {(Math.Max(perArticleHigh, loopsHigh) < Target ? "yes" : "NO")}; "
                   + $"as the benchmark reads it {Reading(benchmarkRatios)} — ≤ {F(Target, 0)}× shown: {(benchmarkHigh < Target ? "yes" : "NO")}");
    }

    private static string Reading(double[] ratios)
    {
        var (low, high) = BootstrapMedian(ratios);
        return $"{F(Median(ratios), 2)} [{F(low, 2)}, {F(high, 2)}]";
    }

    /// <summary>How the ratio varies between articles (each article's median over the rounds): the corpus figure is a sum, not every article.</summary>
    private static void ArticleSpread(StringBuilder text, Series s)
    {
        var n = s.Articles[0].Length;
        var ratios = Enumerable.Range(0, n)
            .Select(a => Median(s.Articles.Select(r => r[a].CodeNs)) / Median(s.Articles.Select(r => r[a].ClassifyNs)))
            .ToArray();
        Line(text, $"{s.Corpus}, {s.Scheme}, per article ({n}): coding ÷ classification median {F(Median(ratios), 2)}, "
                   + $"quartiles {F(Quantile(ratios, 0.25), 2)}–{F(Quantile(ratios, 0.75), 2)}, 90th percentile {F(Quantile(ratios, 0.9), 2)}, "
                   + $"articles above {F(Target, 0)}×: {ratios.Count(r => r > Target)}");
    }

    /// <summary>Every round as a row, for a closer look at the spread (<c>--csv FILE</c>).</summary>
    public static string Csv(IReadOnlyList<Series> series)
    {
        var text = new StringBuilder("corpus,scheme,round,classify_ns,code_ns,classify_bytes,code_bytes,wall_ns,events\n");
        foreach (var s in series)
        {
            for (var i = 0; i < s.Rounds.Count; i++)
            {
                var r = s.Rounds[i];
                Line(text, string.Join(",", s.Corpus, s.Scheme, i, F(r.ClassifyNs, 0), F(r.CodeNs, 0), F(r.ClassifyBytes, 0), F(r.CodeBytes, 0), F(r.WallNs, 0), r.Events));
            }
        }

        return text.ToString();
    }

    private static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
