using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Monitoring.Ingest.Extraction;

namespace Monitoring.Benchmarks.Extraction;

/// <summary>
/// Pages per second through extraction: ours against unmodified SmartReader on the same real pages (the
/// evaluation pages in ../shared/eval/extraction, read where they lie, never copied), and the plain-text path
/// with source learning on the sample article. Each reported time is per page.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private const int Pages = 100;
    private string[] _pages = [];
    private ArticleSubmission _sample = null!;
    private ArticleExtractor _extractor = null!;
    private ArticleExtractor _learning = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("EXTRACTION_PAGES") ?? Path.Combine(RepositoryRoot(), "..", "shared", "eval", "extraction", "wcxb-dev-articles");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No evaluation pages at {folder}; set EXTRACTION_PAGES to a folder of *.html.gz.");

        _pages = Directory.EnumerateFiles(folder, "*.html.gz").Order(StringComparer.Ordinal).Take(Pages).Select(Unzip).ToArray();
        _sample = new ArticleSubmission { Source = "cgtn", Text = File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", "000_780a307ae76c99fd.txt")) };
        _extractor = new ArticleExtractor();
        _learning = new ArticleExtractor(new SourceBoilerplate());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pages, Description = "SmartReader 0.11.1, unmodified (HTML page)")]
    public int SmartReaderPage()
    {
        var total = 0;
        foreach (var page in _pages) total += SmartReaderBaseline.Extract(page).Text.Length;
        return total;
    }

    [Benchmark(OperationsPerInvoke = Pages, Description = "ArticleExtractor (HTML page)")]
    public int OurPage()
    {
        var total = 0;
        foreach (var page in _pages) total += _extractor.Extract(new ArticleSubmission { Html = page }).Text.Length;
        return total;
    }

    [Benchmark(OperationsPerInvoke = Pages, Description = "ArticleExtractor with source learning (HTML page)")]
    public int OurPageLearning()
    {
        var total = 0;
        foreach (var page in _pages) total += _learning.Extract(new ArticleSubmission { Html = page, Source = "bench" }).Text.Length;
        return total;
    }

    [Benchmark(Description = "ArticleExtractor with source learning (plain-text sample)")]
    public int PlainText() => _learning.Extract(_sample with { Source = "cgtn-" + (_next++ % 50) }).Text.Length;

    private static string Unzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Monitoring.sln not found");
    }
}
