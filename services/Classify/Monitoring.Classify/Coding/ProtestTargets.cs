using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5f, for languages coded by their trigger lexicon: a protest whose target the sentence does not name, or names
/// only as the place it is held in, is against
/// <list type="bullet">
/// <item>the doer of the event it is about ("احتجاجا على القصف الإيراني", against the Iranian shelling: Iran), as
/// <see cref="MentionedEvents"/> found it;</item>
/// <item>else the country or organisation its slogans name ("هتافات «…أمريكا…»").</item>
/// </list>
/// </summary>
internal static class ProtestTargets
{
    public static void Fill(Sentence sentence, List<CodedEvent> events, int from, List<CodedEvent>? topics)
    {
        if (sentence.Language.HasVerbDictionary || from >= events.Count) return;
        var place = ActorGroups.PlaceCountry(sentence);
        EventActor? slogan = null;
        var slogansRead = false;
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Root != "14" || !Unnamed(e.Target, place)) continue;
            var against = topics?.Find(t => Named(t.Source) && t.Source.Code != e.Source.Code)?.Source;
            if (against is null && !slogansRead)
            {
                slogan = SloganActor(sentence);
                slogansRead = true;
            }

            against ??= slogan is not null && slogan.Code != e.Source.Code ? slogan : null;
            if (against is null) continue;
            if (events.Exists(o => o.SentenceStart == e.SentenceStart && o.Cameo == e.Cameo && o.Source.Code == e.Source.Code && o.Target.Code == against.Code))
            {
                events.RemoveAt(i--);
                continue;
            }

            events[i] = e with { Target = against };
        }
    }

    /// <summary>A target of no one, or only of the place the sentence names (filled in where nobody was named).</summary>
    private static bool Unnamed(EventActor target, string? place) =>
        (target.Code == CodedEvents.UnknownCode && target.Cameo is null) || target.Text.Length == 0 || (place is not null && target.Code == place);

    private static bool Named(EventActor actor) => actor.Code != CodedEvents.UnknownCode || actor.Cameo is not null;

    /// <summary>The first country or organisation named inside a slogan of the sentence, or null.</summary>
    private static EventActor? SloganActor(Sentence sentence)
    {
        var inSlogan = MentionedEvents.Slogans(sentence);
        foreach (var slot in sentence.Slots)
        {
            if (!inSlogan[slot.First]) continue;
            var m = slot.Mentions[0];
            if (m.IsPlace || (m.Code == CodedEvents.UnknownCode && m.Cameo is null)) continue;
            return CodedEvents.Actor(m);
        }

        return null;
    }
}
