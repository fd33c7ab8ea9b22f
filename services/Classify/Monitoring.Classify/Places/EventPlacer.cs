using Monitoring.Contracts;

namespace Monitoring.Classify.Places;

/// <summary>
/// Where an event happened, as GDELT's ActionGeo has it: of the places its sentence names, the one nearest the trigger
/// (by characters between them); when the sentence names none, the article's focus country. A country that is the
/// event's source or target ("Israel released the mayor of Nablus") says who, not where: a city or region of the
/// sentence goes first.
/// </summary>
public static class EventPlacer
{
    public const string SentenceBasis = "sentence";
    public const string FocusBasis = "focus";

    /// <param name="bodyStart">Where the body starts in the classified text: body events' offsets are relative to it, title events' to the title, which comes first.</param>
    public static IReadOnlyList<CodedEvent> Place(IReadOnlyList<CodedEvent> events, IReadOnlyList<PlaceMention> mentions, int bodyStart, GazetteerEntry? focus)
    {
        var placed = new List<CodedEvent>(events.Count);
        foreach (var e in events)
        {
            var offset = e.InTitle ? 0 : bodyStart;
            var (sentenceStart, sentenceEnd) = (e.SentenceStart + offset, e.SentenceEnd + offset);
            var (triggerStart, triggerEnd) = (e.TriggerStart + offset, e.TriggerEnd + offset);
            PlaceMention? nearest = null;
            var distance = int.MaxValue;
            foreach (var mention in mentions)
            {
                if (mention.Start < sentenceStart || mention.End > sentenceEnd) continue;
                var d = mention.End <= triggerStart ? triggerStart - mention.End : Math.Max(0, mention.Start - triggerEnd);
                if (mention.Place!.Kind == PlaceKind.Country && (IsActor(mention, e.Source, offset) || IsActor(mention, e.Target, offset)) && HasSubnational(mentions, sentenceStart, sentenceEnd)) d += ActorPenalty;
                if (d < distance) (nearest, distance) = (mention, d);
            }

            var place = nearest?.Place is { } entry ? PlaceRecognizer.ToGeoPlace(entry, SentenceBasis)
                : focus is not null ? PlaceRecognizer.ToGeoPlace(focus, FocusBasis) : null;
            placed.Add(place is null ? e : e with { Place = place });
        }

        return placed;
    }

    // Longer than any sentence: an actor's place is chosen only when the sentence names no other.
    private const int ActorPenalty = 100_000;

    private static bool HasSubnational(IReadOnlyList<PlaceMention> mentions, int start, int end) =>
        mentions.Any(m => m.Start >= start && m.End <= end && m.Place!.Kind != PlaceKind.Country);

    private static bool IsActor(PlaceMention mention, EventActor actor, int offset) =>
        actor.Text.Length > 0 && mention.Start < actor.End + offset && actor.Start + offset < mention.End;
}
