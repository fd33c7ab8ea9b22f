using BenchmarkDotNet.Attributes;
using Monitoring.Ingest.Dedup;

namespace Monitoring.Benchmarks.Dedup;

/// <summary>
/// The near-duplicate lookup every ingested article pays: MinHash signature of a new article, and an LSH lookup among
/// a million stored fingerprints, for a rewritten copy of a stored article and for an article with no copy.
/// </summary>
[MemoryDiagnoser]
public class NearDuplicateLookupBenchmarks
{
    private const int ArticleWords = 400;
    private static readonly DateTimeOffset Now = new(2024, 5, 16, 8, 0, 0, TimeSpan.Zero);

    // Built once per process: with the in-process toolchain every benchmark of the class shares it.
    private static readonly Dictionary<int, LshIndex> Indexes = [];
    private LshIndex _index = null!;
    private string _newArticle = "";
    private uint[] _copySignature = [];
    private uint[] _newSignature = [];

    [Params(1_000_000)]
    public int StoredFingerprints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var news = new SyntheticNews();
        if (Indexes.TryGetValue(StoredFingerprints, out var built))
        {
            _index = built;
            PrepareProbes(news);
            return;
        }

        _index = Indexes[StoredFingerprints] = new LshIndex();
        var signatures = new uint[StoredFingerprints][];
        // Stored texts are shorter than the probes to keep set-up to seconds; the lookup cost depends on band collisions, not on stored text length.
        Parallel.For(0, StoredFingerprints, () => new Random(), (i, _, random) =>
        {
            signatures[i] = MinHash.Compute(news.Article(random, 60))!;
            return random;
        }, _ => { });
        for (var i = 0; i < signatures.Length; i++) _index.Add($"a{i}", $"s{i}", signatures[i], Now.AddSeconds(-i % 86_400));
        PrepareProbes(news);
    }

    private void PrepareProbes(SyntheticNews news)
    {
        var seeded = new Random(42);
        var stored = news.Article(seeded, ArticleWords);
        if (_index.FindBest(MinHash.Compute(stored)!, Now.AddHours(-72), 0.99) is null) _index.Add("stored", "stored-story", MinHash.Compute(stored)!, Now);
        _copySignature = MinHash.Compute(news.Rewrite(seeded, stored, every: 12))!;
        _newArticle = news.Article(seeded, ArticleWords);
        _newSignature = MinHash.Compute(_newArticle)!;
        if (_index.FindBest(_copySignature, Now.AddHours(-72), 0.4)?.StoryId != "stored-story")
        {
            throw new InvalidOperationException("The rewritten copy is not found: the benchmark would measure nothing useful.");
        }
    }

    [Benchmark]
    public uint[]? Signature400Words() => MinHash.Compute(_newArticle);

    [Benchmark]
    public StoryCandidate? LookupRewrittenCopy() => _index.FindBest(_copySignature, Now.AddHours(-72), 0.4);

    [Benchmark]
    public StoryCandidate? LookupArticleWithoutCopy() => _index.FindBest(_newSignature, Now.AddHours(-72), 0.4);
}
