namespace Monitoring.Alert.Matching;

/// <summary>
/// How often each key occurs in the articles actually matched, so the index files a subscription under its rarest
/// required keys: a phrase of everyday words ("security cooperation") is in most articles of this beat, a country far
/// fewer. Until enough articles are seen, a prior by key kind stands in. Counts are halved every
/// <see cref="HalfLife"/> articles, so the estimate follows the news and forgets words no longer used.
/// Shared by the successive indexes the catalog builds; each files its subscriptions with the estimates of that moment.
/// </summary>
public sealed class KeyFrequencies
{
    /// <summary>How many observed articles the prior counts for: a few dozen articles outweigh it.</summary>
    private const double PriorWeight = 20;

    private const int HalfLife = 50_000;

    /// <summary>After this many articles, one in <see cref="SampleEvery"/> is enough to follow the news.</summary>
    private const int ObserveAllUpTo = 2_000;

    private const int SampleEvery = 8;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _counts = new(StringComparer.Ordinal);
    private double _articles;
    private long _offered;

    public double ArticlesObserved
    {
        get
        {
            lock (_lock) return _articles;
        }
    }

    /// <summary>Counts the article's keys (every article at first, then a sample).</summary>
    public void Observe(MatchableArticle article)
    {
        var offered = Interlocked.Increment(ref _offered);
        if (offered > ObserveAllUpTo && offered % SampleEvery != 0) return;
        lock (_lock)
        {
            foreach (var key in article.Keys) _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (++_articles < HalfLife) return;
            _articles /= 2;
            foreach (var (key, count) in _counts)
            {
                if (count < 1) _counts.Remove(key);
                else _counts[key] = count / 2;
            }
        }
    }

    /// <summary>The expected share of articles having the key, between 0 and 1.</summary>
    public double Estimate(string key)
    {
        lock (_lock) return EstimateLocked(key);
    }

    /// <summary>The expected share of articles having at least one of the keys (their sum, an upper bound).</summary>
    public double Estimate(IReadOnlyList<string> keys)
    {
        lock (_lock)
        {
            var sum = 0.0;
            foreach (var key in keys) sum += EstimateLocked(key);
            return sum;
        }
    }

    private double EstimateLocked(string key) =>
        (_counts.GetValueOrDefault(key) + Prior(key) * PriorWeight) / (_articles + PriorWeight);

    /// <summary>Before any article: languages and quad classes are in most articles, actors and specific words in few.</summary>
    private static double Prior(string key) => key[0] switch
    {
        'l' => 0.5,
        'q' => 0.3,
        't' => 0.2,
        's' => 0.1,
        'c' => 0.05,
        'e' => 0.04,
        'p' => 0.01,
        'w' when key.Length <= 5 => 0.05,
        'w' => 0.01,
        _ => 0.005,
    };
}
