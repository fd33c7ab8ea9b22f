using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// A fixed sample of the extraction development pages (ids divisible by 10, the first 30; read from ../shared at run
/// time, never copied) as a regression guard: the mean page F1 (4-word shingles, as the shared scorer counts) may not
/// fall below what the method reached when the sample was fixed. The full score is tests/extraction-eval.sh.
/// </summary>
public sealed partial class DevelopmentSampleTests
{
    // Mean page F1 of the sample when fixed: 0.980 (docs/extraction.md); the floor leaves room for rounding only.
    private const double Floor = 0.975;

    [Fact]
    public void The_sample_of_development_pages_keeps_its_score()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "..", "shared", "eval", "extraction", "wcxb-dev-articles");
        if (!Directory.Exists(folder)) Assert.Skip($"The development pages are not at {Path.GetFullPath(folder)} (../shared is absent).");

        var extractor = new ArticleExtractor();
        var ids = Directory.EnumerateFiles(folder, "*.html.gz").Select(path => Path.GetFileName(path)[..^".html.gz".Length])
            .Where(id => int.Parse(id) % 10 == 0).Order(StringComparer.Ordinal).Take(30).ToList();
        Assert.Equal(30, ids.Count);

        var scores = ids.Select(id =>
        {
            using var gzip = new GZipStream(File.OpenRead(Path.Combine(folder, id + ".html.gz")), CompressionMode.Decompress);
            var html = new StreamReader(gzip).ReadToEnd();
            using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, id + ".json")));
            var expected = truth.RootElement.GetProperty("ground_truth").GetProperty("main_content").GetString() ?? string.Empty;
            return F1(expected, extractor.Extract(new ArticleSubmission { Html = html }).Text);
        }).ToList();

        Assert.True(scores.Average() >= Floor, $"mean page F1 {scores.Average():F3} on the sample fell below {Floor}");
    }

    private static double F1(string truth, string prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        var tp = t.Sum(pair => Math.Min(pair.Value, p.GetValueOrDefault(pair.Key)));
        var fp = p.Values.Sum() - tp;
        var fn = t.Values.Sum() - tp;
        if (fp == 0 && fn == 0) return 1;
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Word().Matches(text).Select(match => match.Value).ToList();
        var shingles = new Dictionary<string, int>();
        var n = Math.Min(4, tokens.Count);
        for (var i = 0; n > 0 && i + n <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(n));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
