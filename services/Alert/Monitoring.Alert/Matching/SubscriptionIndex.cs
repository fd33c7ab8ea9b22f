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

    // Every subscription's program, one after another, addressed by Posting.Offset (a replaced one stays until the next rebuild).
    private int[] _code = new int[1024];
    private int _codeLength;

    // Sizes the next result list: with thousands of matches, growing it is a measurable share of the match.
    private int _lastMatchCount;

    /// <param name="subscriptions">The subscriptions to file.</param>
    /// <param name="frequencies">Key frequencies observed so far, kept across the indexes that replace this one; each subscription is filed under its rarest required keys.</param>
    public SubscriptionIndex(IEnumerable<CompiledSubscription>? subscriptions = null, KeyFrequencies? frequencies = null)
    {
        Frequencies = frequencies ?? new KeyFrequencies();
        foreach (var subscription in subscriptions ?? []) Add(subscription);
    }

    /// <summary>What this index learns of the articles it matches; pass it to the index that replaces this one.</summary>
    public KeyFrequencies Frequencies { get; }

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
        Frequencies.Observe(article);
        var matched = new List<CompiledSubscription>(Volatile.Read(ref _lastMatchCount) + 16);
        var keyIds = ArrayPool<ulong>.Shared.Rent(CompiledQuery.KeyIdWords);
        Array.Clear(keyIds);
        CompiledQuery.MarkKeyIds(article, keyIds);
        _lock.EnterReadLock();
        var seen = ArrayPool<ulong>.Shared.Rent((_slots >> 6) + 1);
        try
        {
            Array.Clear(seen, 0, (_slots >> 6) + 1);
            var code = _code;
            foreach (var key in article.Keys)
            {
                if (!_postings.TryGetValue(key, out var candidates)) continue;
                foreach (ref readonly var candidate in CollectionsMarshal.AsSpan(candidates))
                {
                    if (candidate.Guard >= 0 && !CompiledQuery.Has(keyIds, candidate.Guard)) continue;
                    ref var word = ref seen[candidate.Slot >> 6];
                    var bit = 1UL << (candidate.Slot & 63);
                    if ((word & bit) != 0) continue;
                    word |= bit;
                    if (candidate.Certain || CompiledQuery.Evaluate(candidate.Program, code, candidate.Offset, article, keyIds)) matched.Add(candidate.Subscription);
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
            ArrayPool<ulong>.Shared.Return(keyIds);
            _lock.ExitReadLock();
        }

        Volatile.Write(ref _lastMatchCount, matched.Count);

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
    /// Keys at least one of which every matching article has, chosen to be as rare as <paramref name="frequencies"/>
    /// expects; null when none can be named (the query can match an article with none of its terms, as <c>NOT x</c> does).
    /// </summary>
    public static IReadOnlyList<string>? RequiredKeys(QueryNode node, KeyFrequencies frequencies)
    {
        switch (node)
        {
            case TermNode term:
                return [term.Key];
            case NearNode near:
                return near.Keys;
            case PhraseNode phrase:
                // Every word of the phrase is present: its rarest word will do.
                return [phrase.Words.Select(w => MatchableArticle.KeyOf(TermField.Word, w)).MinBy(frequencies.Estimate)!];
            case AndNode and:
                IReadOnlyList<string>? best = null, topics = null, countries = null;
                var bestCost = double.MaxValue;
                foreach (var child in and.Children)
                {
                    if (RequiredKeys(child, frequencies) is not { } keys) continue;
                    var cost = frequencies.Estimate(keys);
                    if (cost < bestCost) (best, bestCost) = (keys, cost);
                    if (keys.All(k => k.StartsWith("t:", StringComparison.Ordinal)) && (topics is null || keys.Count < topics.Count)) topics = keys;
                    if (keys.All(k => k.StartsWith("c:", StringComparison.Ordinal)) && (countries is null || keys.Count < countries.Count)) countries = keys;
                }

                // Topic AND country, the commonest shape, is far more selective than either: index the pairs.
                if (topics is not null && countries is not null && topics.Count * countries.Count <= MaxPairs)
                {
                    var pairs = topics.SelectMany(t => countries.Select(c => MatchableArticle.PairKey(t[2..], c[2..]))).ToList();
                    if (frequencies.Estimate(pairs) < bestCost) best = pairs;
                }

                return best;
            case OrNode or:
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in or.Children)
                {
                    if (RequiredKeys(child, frequencies) is not { } keys) return null;
                    union.UnionWith(keys);
                }

                return [.. union];
            default:
                return null;
        }
    }

    private const int MaxPairs = 16;

    /// <summary>
    /// Keys every matching article has (the terms and phrase words ANDed at the top of the query). The rarest one other
    /// than the filing key is tested on the posting itself: most candidates fail it without their program being read.
    /// </summary>
    public static void CollectMustHaveKeys(QueryNode node, ICollection<string> keys)
    {
        switch (node)
        {
            case TermNode term:
                keys.Add(term.Key);
                break;
            case PhraseNode phrase:
                foreach (var word in phrase.Words) keys.Add(MatchableArticle.KeyOf(TermField.Word, word));
                break;
            case AndNode and:
                foreach (var child in and.Children) CollectMustHaveKeys(child, keys);
                break;
        }
    }

    /// <summary>
    /// Whether an article with these facts matches the query whatever else it has or lacks: then a posting under that
    /// key is a match without evaluation (topic-and-country subscriptions under their pairs, single-term ones).
    /// </summary>
    public static bool IsImpliedBy(QueryNode node, IReadOnlySet<string> facts) => node switch
    {
        TermNode { MinScore: 0 } term => facts.Contains(term.Key),
        AndNode and => and.Children.All(child => IsImpliedBy(child, facts)),
        OrNode or => or.Children.Any(child => IsImpliedBy(child, facts)),
        _ => false,
    };

    /// <summary>The facts an article with the key has: a topic-country pair key stands for both.</summary>
    private static HashSet<string> FactsOf(string key)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal) { key };
        if (key.StartsWith("p:", StringComparison.Ordinal) && key.LastIndexOf('|') is var bar and > 2)
        {
            facts.Add(MatchableArticle.KeyOf(TermField.Topic, key[2..bar]));
            facts.Add(MatchableArticle.KeyOf(TermField.Country, key[(bar + 1)..]));
        }

        return facts;
    }

    private int GuardOf(CompiledSubscription subscription, IReadOnlyList<string> filedUnder)
    {
        var mustHave = new HashSet<string>(StringComparer.Ordinal);
        CollectMustHaveKeys(subscription.Query, mustHave);
        mustHave.ExceptWith(filedUnder);
        return mustHave.Count == 0 ? -1 : CompiledQuery.IdOf(mustHave.MinBy(Frequencies.Estimate)!);
    }

    private void Add(CompiledSubscription subscription)
    {
        var keys = RequiredKeys(subscription.Query, Frequencies);
        var program = subscription.Program.Code;
        if (_codeLength + program.Length > _code.Length) Array.Resize(ref _code, Math.Max(_code.Length * 2, _codeLength + program.Length));
        program.CopyTo(_code.AsSpan(_codeLength));
        var posting = new Posting(_freeSlots.Count > 0 ? _freeSlots.Pop() : _slots++, keys is null ? -1 : GuardOf(subscription, keys), _codeLength, subscription.Program, subscription);
        _codeLength += program.Length;
        _byId[subscription.Subscription.SubscriptionId] = (posting, keys);
        if (keys is null)
        {
            _unindexed.Add(subscription);
            return;
        }

        foreach (var key in keys)
        {
            if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
            list.Add(IsImpliedBy(subscription.Query, FactsOf(key)) ? posting with { Guard = -1, Certain = true } : posting);
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
            list.RemoveAt(list.FindIndex(posting => posting.Slot == entry.Posting.Slot));
            if (list.Count == 0) _postings.Remove(key);
        }
    }

    /// <summary>
    /// A subscription under one key, with the slot that marks it as already evaluated for the current article, the id
    /// of a further key it needs (-1: none), where its program starts in the index's code array (the hot loop reads
    /// those, not the subscription's objects), and whether the key alone makes it a match.
    /// </summary>
    private readonly record struct Posting(int Slot, int Guard, int Offset, CompiledQuery Program, CompiledSubscription Subscription, bool Certain = false);
}
