namespace Monitoring.Classify.Places;

/// <summary>
/// Where the text names a place: character offsets in the classified text (end exclusive), the entries the name may
/// be, and once resolved, the one it is (<see cref="Place"/>, null when none is credible).
/// </summary>
public sealed record PlaceMention(int Start, int End, string Text, IReadOnlyList<NamedEntry> Candidates, bool SentenceStart)
{
    /// <summary>The name runs on into other capitalised words ("Memorial de la Resistencia", "George Floyd", "Eastern Ghouta"): perhaps part of another name.</summary>
    public bool InLongerName { get; init; }

    public GazetteerEntry? Place { get; init; }
}
