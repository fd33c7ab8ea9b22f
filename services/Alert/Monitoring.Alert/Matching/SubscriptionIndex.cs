using System.Buffers;
using System.Runtime.InteropServices;
using Monitoring.Alert.Matching.Language;

namespace Monitoring.Alert.Matching;

/// <summary>
/// An inverted index of subscriptions by the keys they require, as a percolator keeps one: for each subscription a set
/// of keys such that any matching article has at least one of them (an AND needs only its most selective child's set,
/// an OR needs every child's). An article is evaluated only against subscriptions listed under one of its own keys,
/// plus the few that require nothing (a lone NOT). Safe for concurrent matching; changes take a short write lock.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A replaced index may still be read by an in-flight match; its lock holds no OS handle until contended waits, and the GC reclaims it.")]
public sealed class SubscriptionIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, List<Posting>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Posting Posting, IReadOnlyList<string>? Keys)> _byId = new(StringComparer.Ordinal);
    private readonly List<CompiledSubscription> _unindexed = [];
    private readonly Stack<int> _freeSlots = new();
    private int _slots;

    public SubscriptionIndex(IEnumerable<CompiledSubscription>? subscriptions = null)
    {
        foreach (var subscription in subscriptions ?? []) Add(subscription);
    }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _byId.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds or replaces the subscription with the same id.</summary>
    public void Upsert(CompiledSubscription subscription)
    {
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(subscription.Subscription.SubscriptionId);
            Add(subscription);
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Remove(string subscriptionId)
    {
        _lock.EnterWriteLock();
        try { RemoveLocked(subscriptionId); }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>The subscriptions the article matches, each once.</summary>
    public List<CompiledSubscription> Match(MatchableArticle article)
    {
        var matched = new List<CompiledSubscription>();
        _lock.EnterReadLock();
        var seen = ArrayPool<ulong>.Shared.Rent((_slots >> 6) + 1);
        try
        {
            var keyIds = CompiledQuery.KeyIdsOf(article);
            Array.Clear(seen, 0, (_slots >> 6) + 1);
            foreach (var key in article.Keys)
            {
                if (!_postings.TryGetValue(key, out var candidates)) continue;
                foreach (var (slot, candidate) in CollectionsMarshal.AsSpan(candidates))
                {
                    ref var word = ref seen[slot >> 6];
                    var bit = 1UL << (slot & 63);
                    if ((word & bit) != 0) continue;
                    word |= bit;
                    if (candidate.Program.Matches(article, keyIds)) matched.Add(candidate);
                }
            }

            foreach (var candidate in _unindexed)
            {
                if (candidate.Program.Matches(article, keyIds)) matched.Add(candidate);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(seen);
            _lock.ExitReadLock();
        }

        return matched;
    }

    /// <summary>How many subscriptions an article is evaluated against: what the index saves is the rest.</summary>
    public int CandidateCount(MatchableArticle article)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        _lock.EnterReadLock();
        try
        {
            foreach (var key in article.Keys)
            {
                if (_postings.TryGetValue(key, out var candidates)) ids.UnionWith(candidates.Select(c => c.Subscription.Subscription.SubscriptionId));
            }

            return ids.Count + _unindexed.Count;
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Keys at least one of which every matching article has; null when none can be named (the query can match an
    /// article with none of its terms, as <c>NOT x</c> does).
    /// </summary>
    public static IReadOnlyList<string>? RequiredKeys(QueryNode node)
    {
        switch (node)
        {
            case TermNode term:
                return [term.Key];
            case PhraseNode phrase:
                // Every word of the phrase is present; the longest is usually the rarest.
                return [MatchableArticle.KeyOf(TermField.Word, phrase.Words.MaxBy(w => w.Length)!)];
            case AndNode and:
                IReadOnlyList<string>? best = null, topics = null, countries = null;
                foreach (var child in and.Children)
                {
                    if (RequiredKeys(child) is not { } keys) continue;
                    if (best is null || Cost(keys) < Cost(best)) best = keys;
                    if (keys.All(k => k.StartsWith("t:", StringComparison.Ordinal)) && (topics is null || keys.Count < topics.Count)) topics = keys;
                    if (keys.All(k => k.StartsWith("c:", StringComparison.Ordinal)) && (countries is null || keys.Count < countries.Count)) countries = keys;
                }

                // Topic AND country, the commonest shape, is far more selective than either: index the pairs.
                if (topics is not null && countries is not null && topics.Count * countries.Count <= MaxPairs)
                {
                    var pairs = topics.SelectMany(t => countries.Select(c => MatchableArticle.PairKey(t[2..], c[2..]))).ToList();
                    if (Cost(pairs) < Cost(best!)) best = pairs;
                }

                return best;
            case OrNode or:
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in or.Children)
                {
                    if (RequiredKeys(child) is not { } keys) return null;
                    union.UnionWith(keys);
                }

                return [.. union];
            default:
                return null;
        }
    }

    /// <summary>How many articles a key is expected to select: languages and countries are common, words and actors rare.</summary>
    private const int MaxPairs = 16;

    private static int Cost(IReadOnlyList<string> keys)
    {
        var cost = 0;
        foreach (var key in keys)
        {
            cost += key[0] switch
            {
                'l' => 100,
                'p' => 2,
                'q' => 40,
                't' => 30,
                'c' => 10,
                's' => 5,
                'e' => 4,
                'w' when key.Length <= 5 => 4,
                _ => 1,
            };
        }

        return cost;
    }

    private void Add(CompiledSubscription subscription)
    {
        var keys = RequiredKeys(subscription.Query);
        var posting = new Posting(_freeSlots.Count > 0 ? _freeSlots.Pop() : _slots++, subscription);
        _byId[subscription.Subscription.SubscriptionId] = (posting, keys);
        if (keys is null)
        {
            _unindexed.Add(subscription);
            return;
        }

        foreach (var key in keys)
        {
            if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
            list.Add(posting);
        }
    }

    private void RemoveLocked(string subscriptionId)
    {
        if (!_byId.Remove(subscriptionId, out var entry)) return;
        _freeSlots.Push(entry.Posting.Slot);
        if (entry.Keys is null)
        {
            _unindexed.Remove(entry.Posting.Subscription);
            return;
        }

        foreach (var key in entry.Keys)
        {
            var list = _postings[key];
            list.Remove(entry.Posting);
            if (list.Count == 0) _postings.Remove(key);
        }
    }

    /// <summary>A subscription under one key, with the slot that marks it as already evaluated for the current article.</summary>
    private readonly record struct Posting(int Slot, CompiledSubscription Subscription);
}
