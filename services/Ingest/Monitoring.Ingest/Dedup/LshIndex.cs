namespace Monitoring.Ingest.Dedup;

public sealed record StoryCandidate(string ArticleId, string StoryId, double Similarity);

/// <summary>
/// In-memory locality-sensitive hashing over MinHash signatures: one hash table per band, chained through arrays
/// so a million fingerprints cost about a kilobyte each. Entries older than the story window are skipped, and
/// dropped when they make up half the index.
/// </summary>
public sealed class LshIndex
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<ulong, int>[] _heads = Enumerable.Range(0, MinHash.Bands).Select(_ => new Dictionary<ulong, int>()).ToArray();
    private readonly List<int>[] _next = Enumerable.Range(0, MinHash.Bands).Select(_ => new List<int>()).ToArray();
    private readonly object _gate = new();
    private int _expired;

    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    public void Add(string articleId, string storyId, uint[] signature, DateTimeOffset seenAt)
    {
        lock (_gate) AddLocked(new Entry(articleId, storyId, signature, seenAt));
    }

    /// <summary>The most similar indexed text seen at or after <paramref name="notBefore"/> with similarity at least <paramref name="threshold"/>.</summary>
    public StoryCandidate? FindBest(uint[] signature, DateTimeOffset notBefore, double threshold)
    {
        lock (_gate)
        {
            var checkedEntries = new HashSet<int>();
            StoryCandidate? best = null;
            var expired = 0;
            for (var band = 0; band < MinHash.Bands; band++)
            {
                if (!_heads[band].TryGetValue(MinHash.BandKey(signature, band), out var index)) continue;
                for (; index >= 0; index = _next[band][index])
                {
                    if (!checkedEntries.Add(index)) continue;
                    var entry = _entries[index];
                    if (entry.SeenAt < notBefore)
                    {
                        expired++;
                        continue;
                    }

                    var similarity = MinHash.Similarity(signature, entry.Signature);
                    if (similarity >= threshold && (best is null || similarity > best.Similarity))
                    {
                        best = new StoryCandidate(entry.ArticleId, entry.StoryId, similarity);
                    }
                }
            }

            if (expired > 0) Compact(notBefore);
            return best;
        }
    }

    private void AddLocked(Entry entry)
    {
        var index = _entries.Count;
        _entries.Add(entry);
        for (var band = 0; band < MinHash.Bands; band++)
        {
            var key = MinHash.BandKey(entry.Signature, band);
            _next[band].Add(_heads[band].TryGetValue(key, out var previous) ? previous : -1);
            _heads[band][key] = index;
        }
    }

    private void Compact(DateTimeOffset notBefore)
    {
        if (++_expired < 64) return;
        _expired = 0;
        var live = _entries.Where(e => e.SeenAt >= notBefore).ToList();
        if (live.Count * 2 > _entries.Count) return;

        _entries.Clear();
        foreach (var heads in _heads) heads.Clear();
        foreach (var next in _next) next.Clear();
        foreach (var entry in live) AddLocked(entry);
    }

    private sealed record Entry(string ArticleId, string StoryId, uint[] Signature, DateTimeOffset SeenAt);
}
