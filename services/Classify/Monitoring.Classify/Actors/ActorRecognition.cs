namespace Monitoring.Classify.Actors;

/// <summary>
/// The actors of one text. <see cref="Mentions"/> are in text order and do not overlap (the longest alias wins:
/// "Russian Federation Security Council" over "Russian Federation"). A sentence-level coder asks <see cref="Within"/>
/// for the mentions of one sentence or clause.
/// </summary>
public sealed class ActorRecognition(IReadOnlyList<RecognizedMention> mentions)
{
    public IReadOnlyList<RecognizedMention> Mentions { get; } = mentions;

    /// <summary>Mentions that lie entirely inside the character span <paramref name="start"/>..<paramref name="end"/>.</summary>
    public IEnumerable<RecognizedMention> Within(int start, int end)
    {
        var index = FirstAtOrAfter(start);
        for (var i = index; i < Mentions.Count && Mentions[i].Start < end; i++)
        {
            if (Mentions[i].End <= end) yield return Mentions[i];
        }
    }

    /// <summary>Countries named in the text (not implied by people or organisations), most often named first.</summary>
    public IReadOnlyList<string> Countries =>
        Mentions.Where(m => m.Actor.Type == ActorType.Country)
            .GroupBy(m => m.Code)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Start)
            .Select(g => g.Key)
            .ToList();

    /// <summary>
    /// Every actor with its mentions, most mentioned first. Role words count only when attached to a country
    /// ("Chinese police"), as that country's sector; bare role words are left to the event coder via <see cref="Mentions"/>.
    /// </summary>
    public IReadOnlyList<RecognizedActor> Actors =>
        Mentions.Where(m => m.Actor.Type != ActorType.Role || m.Code.Length > 0)
            .GroupBy(m => (m.Actor.Id, m.Code))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Start)
            .Select(g => new RecognizedActor(g.First().Actor, g.Key.Code, g.ToList()))
            .ToList();

    private int FirstAtOrAfter(int start)
    {
        int low = 0, high = Mentions.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Mentions[mid].Start < start) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}
