using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Monitoring.Classify;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Taxonomy;
using Monitoring.Ingest.Extraction;

namespace Monitoring.Benchmarks.Coding;

/// <summary>
/// What event coding adds to classifying an article: <see cref="Classify"/> (topics and actors, the baseline),
/// <see cref="Code"/> (events alone, tokenizing and recognising actors itself) and <see cref="ClassifyAndCode"/>
/// (what the classify consumer does: the coder reuses the classifier's tokens and actors), per article.
/// Target: ClassifyAndCode at most 2 × Classify.
/// </summary>
[MemoryDiagnoser]
public class CodingBenchmarks
{
    private ArticleClassifier _classifier = null!;
    private EventCoder _coder = null!;
    private string[] _articles = [];

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "sample";

    public static IEnumerable<string> Corpora()
    {
        yield return "sample";
        if (Directory.Exists(Environment.GetEnvironmentVariable("MONITORING_EVAL_ARTICLES"))) yield return "eval";
    }

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(Root(), "services", "Classify", "Monitoring.Classify", "Data");
        var actors = ActorRecognizer.Load(Path.Combine(data, "countries.json"), Path.Combine(data, "actors.json"));
        _classifier = new ArticleClassifier(TopicTagger.Load(Path.Combine(data, "taxonomy.yaml")), actors);
        _coder = new EventCoder(
            CameoVerbDictionary.Load(Path.Combine(data, "cameo-verbs.txt"), Path.Combine(data, "cameo-verbs-extra.txt")),
            CameoCodebook.Load(Path.Combine(data, "cameo-codes.tsv")),
            new RecognizedActorFinder(actors),
            CodingLanguages.Load(Path.Combine(data, "coding")));
        _articles = Corpus == "sample"
            ? [new ArticleExtractor().Extract(new() { Text = File.ReadAllText(Path.Combine(Root(), "seeds", "000_780a307ae76c99fd.txt")) }).Text]
            : Directory.EnumerateFiles(Environment.GetEnvironmentVariable("MONITORING_EVAL_ARTICLES")!, "*.json")
                .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("ground_truth").GetProperty("main_content").GetString() ?? "")
                .Where(text => text.Length > 0)
                .ToArray();
    }

    /// <summary>Per article: the benchmark loops over the corpus and BenchmarkDotNet divides by it.</summary>
    [Benchmark(Baseline = true)]
    public int Classify()
    {
        var n = 0;
        foreach (var article in _articles) n += _classifier.Classify(null, article).Topics.Count;
        return n;
    }

    [Benchmark]
    public int Code()
    {
        var n = 0;
        foreach (var article in _articles) n += _coder.Code(article).Count;
        return n;
    }

    [Benchmark]
    public int ClassifyAndCode()
    {
        var n = 0;
        foreach (var article in _articles)
        {
            var classification = _classifier.Classify(null, article);
            n += classification.Topics.Count + _coder.Code(classification).Count;
        }

        return n;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Monitoring.sln not found above " + AppContext.BaseDirectory);
    }
}
