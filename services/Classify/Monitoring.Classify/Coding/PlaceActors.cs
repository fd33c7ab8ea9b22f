using Monitoring.Classify.Places;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 1b: the towns and regions the places stage resolved ("attacked Kharkiv", "rebels near Aleppo") become place
/// actors: where something happened, and whose country the actors named there without one belong to. Countries are
/// actors already; a name running into a longer one ("George Floyd") is no place here. A language whose own lexicon
/// names places (<c>places-LANG.txt</c>) reads those instead.
/// </summary>
internal static class PlaceActors
{
    /// <summary><paramref name="actors"/> with the resolved places that overlap none of them, in text order.</summary>
    public static IReadOnlyList<ActorMention> Add(IReadOnlyList<ActorMention> actors, IReadOnlyList<PlaceMention>? places)
    {
        if (places is null || places.Count == 0) return actors;
        var merged = new List<ActorMention>(actors.Count + places.Count);
        var a = 0;
        foreach (var place in places)
        {
            if (place.Place is not { Kind: not PlaceKind.Country } entry || place.InLongerName) continue;
            while (a < actors.Count && actors[a].End <= place.Start) merged.Add(actors[a++]);
            if (a < actors.Count && actors[a].Start < place.End) continue;
            if (merged.Count > 0 && merged[^1].End > place.Start) continue;
            merged.Add(new ActorMention(place.Start, place.End, place.Text, entry.Country, null, IsPlace: true));
        }

        while (a < actors.Count) merged.Add(actors[a++]);
        return merged;
    }
}
