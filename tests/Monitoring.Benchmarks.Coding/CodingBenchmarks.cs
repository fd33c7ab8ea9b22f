using BenchmarkDotNet.Attributes;
using Monitoring.Classify;
using Monitoring.Classify.Coding;

namespace Monitoring.Benchmarks.Coding;

/// <summary>
/// What event coding adds to classifying an article: <see cref="Classify"/> (topics and actors, the baseline),
/// <see cref="Code"/> (events alone, tokenizing and recognising actors itself) and <see cref="ClassifyAndCode"/>
/// (what the classify consumer does: the coder reuses the classifier's tokens and actors), per article.
/// Target: coding adds at most 2 × Classify (ClassifyAndCode − Classify ≤ 2 × Classify). The thread-CPU mode
/// (<see cref="ThreadCpu.ThreadCpuRun"/>) measures the same ratio independently of the machine's load.
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
        if (CodingSetup.HasEvalArticles) yield return "eval";
    }

    [GlobalSetup]
    public void Setup()
    {
        var setup = new CodingSetup();
        _classifier = setup.Classifier;
        _coder = setup.Coder;
        _articles = Corpus == "sample" ? [CodingSetup.SampleArticle()] : CodingSetup.EvalArticles();
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
}
