namespace Monitoring.Classify.Coding;

/// <summary>Where a sentence's triggers start and end, indexed once per pass: the clause stages ask for every word they walk over.</summary>
internal sealed partial class Sentence
{
    public bool StartsTrigger(int first)
    {
        IndexTriggers();
        return first >= 0 && first <= Tokens.Count && _startingAt![first] > 0;
    }

    public bool EndsTrigger(int end, Trigger? except)
    {
        IndexTriggers();
        if (end < 0 || end > Tokens.Count) return false;
        var count = _endingAt![end];
        return count > 1 || (count == 1 && _lastEndingAt![end] != except);
    }

    private void IndexTriggers()
    {
        if (_endingAt is not null) return;
        var positions = Tokens.Count + 1;
        _startingAt = _buffers.TriggerStarts(positions);
        _lastEndingAt = _buffers.LastTriggerEnds(positions);
        var ending = _buffers.TriggerEnds(positions);
        foreach (var t in _triggers)
        {
            if (t.First >= 0 && t.First < positions) _startingAt[t.First]++;
            if (t.End < 0 || t.End >= positions) continue;
            ending[t.End]++;
            _lastEndingAt[t.End] = t;
        }

        _endingAt = ending;
    }
}
