using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5c, a domestic protest's sides: people who protest where the sentence places them, and are given no other
/// origin, are of that country ("تظاهر الآلاف في بغداد", "miles marcharon en Lima": Iraqis, Peruvians), and so are
/// protesters of no stated origin against the authorities of the one country the sentence names; people of a
/// country protesting there, with no one else named, protest against its own authorities; a protest at a foreign
/// embassy is against its country. Read for languages without
/// the verb dictionary, whose protests the trigger lexicon codes with the place as their only actor.
/// </summary>
internal static class ProtestSides
{
    public static void Fill(Sentence sentence, List<CodedEvent> events, int from)
    {
        if (sentence.Language.HasVerbDictionary || from >= events.Count) return;
        var place = ActorGroups.Place(sentence)?.Code;
        var only = OnlyCountry(sentence);
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            // A protest threatened or intended (133) has the sides the protest would have.
            if (e.Root != "14" && e.Cameo != "133") continue;
            var source = e.Source;
            var target = e.Target;
            var againstAuthorities = target.Code == only && target.Sector is "GOV" or "LEG" or "JUD" or "COP" or "MIL";
            if (IsUnknown(source) && (place is not null && target.Code == place || againstAuthorities) && IsCountry(sentence, target)) source = source with { Code = target.Code, Sector = source.Sector ?? "CVL" };
            else if (IsUnknown(target) && IsCountry(sentence, source) && only == source.Code && (place is null || place == source.Code)) target = target with { Code = source.Code, Sector = target.Sector ?? "GOV" };
            else continue;

            if (events.Exists(o => o.SentenceStart == e.SentenceStart && o.Cameo == e.Cameo && Same(o.Source, source) && Same(o.Target, target)))
            {
                events.RemoveAt(i--);
                continue;
            }

            events[i] = e with { Source = source, Target = target };
        }

        // "تجمعوا أمام سفارة استونيا", "السفارة الصينية": a protest at a foreign embassy is against the embassy's country.
        if (Embassy(sentence) is not { } embassy) return;
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            if ((e.Root != "14" && e.Cameo != "133") || e.Target.Code == embassy.Code || e.Source.Code == embassy.Code) continue;
            events[i] = e with { Target = new EventActor { Text = embassy.Text, Code = embassy.Code, Start = embassy.Start, End = embassy.End } };
        }
    }

    /// <summary>The country named right after an embassy word (<c>embassy-words</c>), or null.</summary>
    private static ActorMention? Embassy(Sentence sentence)
    {
        var words = sentence.Cues.Set("embassy-words");
        if (words.Count == 0) return null;
        foreach (var slot in sentence.Slots)
        {
            if (slot.First > 0 && sentence.ShapeIn(slot.First - 1, words) && slot.Mentions[0] is var m && m.Cameo is null && sentence.Language.Countries.Contains(m.Code)) return m;
        }

        return null;
    }

    private static bool Same(EventActor a, EventActor b) => a.Code == b.Code && a.Sector == b.Sector;

    private static bool IsUnknown(EventActor actor) => actor.Code == CodedEvents.UnknownCode && actor.Cameo is null;

    private static bool IsCountry(Sentence sentence, EventActor actor) => actor.Cameo is null && sentence.Language.Countries.Contains(actor.Code);

    /// <summary>The one country the sentence's actors belong to, or null when they name none or several.</summary>
    private static string? OnlyCountry(Sentence sentence)
    {
        string? only = null;
        foreach (var slot in sentence.Slots)
        {
            foreach (var m in slot.Mentions)
            {
                if (m.Code == CodedEvents.UnknownCode) continue;
                if (m.Cameo is not null || (only is not null && only != m.Code)) return null;
                only = m.Code;
            }
        }

        return only;
    }
}
