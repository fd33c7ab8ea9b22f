namespace Monitoring.Classify.Coding;

/// <summary>Where a sentence's triggers start and end, indexed once per pass: the clause stages ask for every word they walk over.</summary>
internal sealed partial class Sentence
{
    public bool StartsTrigger(int first)
    {
        IndexTriggers();
        return first >= 0 && first <= Tokens.Count && _cache.StartingAt![first] > 0;
    }

    public bool EndsTrigger(int end, Trigger? except)
    {
        IndexTriggers();
        if (end < 0 || end > Tokens.Count) return false;
        var count = _cache.EndingAt![end];
        return count > 1 || (count == 1 && _cache.LastEndingAt![end] != except);
    }

    private void IndexTriggers()
    {
        if (_cache.EndingAt is not null) return;
        var positions = Tokens.Count + 1;
        _cache.StartingAt = _cache.Buffers.TriggerStarts(positions);
        _cache.LastEndingAt = _cache.Buffers.LastTriggerEnds(positions);
        var ending = _cache.Buffers.TriggerEnds(positions);
        foreach (var t in _triggers)
        {
            if (t.First >= 0 && t.First < positions) _cache.StartingAt[t.First]++;
            if (t.End < 0 || t.End >= positions) continue;
            ending[t.End]++;
            _cache.LastEndingAt[t.End] = t;
        }

        _cache.EndingAt = ending;
    }
}
