using BenchmarkDotNet.Attributes;
using Monitoring.Alert.Matching;

namespace Monitoring.Benchmarks.Alert;

/// <summary>Mean time to find every matching subscription for one article, with the index and by evaluating every subscription.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private SubscriptionIndex _index = null!;
    private List<CompiledSubscription> _all = null!;
    private List<MatchableArticle> _articles = null!;
    private int _next;

    [Params(1_000, 10_000, 100_000)]
    public int Subscriptions { get; set; }

    /// <summary>Broad: the shapes as first written (2.7 % of subscriptions match an article); specific: as analysts narrow them (0.2 %).</summary>
    [Params(false, true)]
    public bool Specific { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _all = SubscriptionCorpus.Create(Subscriptions, specific: Specific);
        _articles = SubscriptionCorpus.Articles(64);
        var learning = new SubscriptionIndex(_all);
        foreach (var article in SubscriptionCorpus.Articles(1_000, seed: 8)) learning.Match(article);
        _index = new SubscriptionIndex(_all, learning.Frequencies); // as the catalog's reload files them: by observed key frequency
    }

    [Benchmark(Baseline = true, Description = "index")]
    public int Index() => _index.Match(NextArticle()).Count;

    [Benchmark(Description = "every subscription")]
    public int BruteForce()
    {
        var article = NextArticle();
        var matched = 0;
        foreach (var subscription in _all)
        {
            if (subscription.Matches(article)) matched++;
        }

        return matched;
    }

    private MatchableArticle NextArticle() => _articles[_next++ & 63];
}
