using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5f: what a sentence does not report as its news. A clause that only describes a noun ("the group that has
/// seized …", "an attack which killed …", "freed a journalist jailed last year") is background: its event stands only
/// where the sentence reports nothing else. A possibility ("might want") or a condition ("if the rebels attack …") is
/// reported as no fact at all.
/// </summary>
internal static class Background
{
    /// <summary>"might attack": only possible, never reported as done, intended or scheduled.</summary>
    public static bool IsPossibility(Sentence sentence, int verbFirst)
    {
        var modals = sentence.Cues.Set("possibility-modals");
        for (var k = Clauses.SkipBack(sentence, verbFirst); k < verbFirst && modals.Count > 0; k++)
        {
            if (modals.Contains(sentence.Tokens[k].Lower)) return true;
        }

        return false;
    }

    /// <summary>
    /// "the talks resumed, a week after gunmen seized the port": an event that only dates another, by a span of time
    /// and "after", "before" or "since", is known already and is not what the sentence reports.
    /// </summary>
    public static bool IsTimeAnchor(Sentence sentence, int verbFirst)
    {
        // The walk back ends true only at a time anchor: it need not go past the first.
        var firstAnchor = sentence.FirstOf(WordClass.TimeAnchor);
        if (firstAnchor >= verbFirst) return false;
        var units = sentence.Cues.Set("time-units");
        var w = sentence.Tokens;
        for (var k = verbFirst - 1; k > 0 && k >= firstAnchor; k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StopBefore(k + 1)) return false;
            if (sentence.Is(k, WordClass.TimeAnchor)) return units.Contains(w[k - 1].Lower);
        }

        return false;
    }

    /// <summary>A relative clause with no subject of its own that describes its noun.</summary>
    public static bool IsBackground(Sentence sentence, Trigger verb) =>
        Complements.IsRelative(sentence, Clauses.SubjectRegionStart(sentence, verb), verb.First) && Describes(sentence, verb);

    /// <summary>
    /// Where the language marks aspect on the verb (<c>describing-endings</c>), only a relative clause in the present or
    /// imperfect describes its noun ("indígenas que exigían su destitución", "que acusan al alcalde"); a perfective one
    /// narrates an event of its own ("que había sido secuestrado", "que se habían amotinado": a participle). Without the
    /// cue, every such clause describes.
    /// </summary>
    private static bool Describes(Sentence sentence, Trigger verb)
    {
        var endings = sentence.Cues.Set("describing-endings");
        if (endings.Count == 0) return true;
        var k = verb.First;
        while (k < verb.End - 1 && sentence.Cues.Auxiliaries.Contains(sentence.Tokens[k].Lower)) k++;
        var shapes = sentence.Language.Shapes;
        var word = shapes.Normalize(sentence.Tokens[k].Lower);
        if (verb.IsParticiple || shapes.IsParticiple(word)) return false;
        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>
    /// "If Russia attacks Georgia, …", "… unless the rebels withdraw": a clause opened by a condition, up to its comma,
    /// states what has not happened; like a possibility, it reports nothing, whatever else the sentence reports.
    /// </summary>
    public static bool IsCondition(Sentence sentence, int verbFirst)
    {
        var conditions = sentence.Cues.Set("condition-words");
        for (var k = verbFirst - 1; k >= 0 && conditions.Count > 0; k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StopBefore(k + 1)) return false;
            if (conditions.Contains(sentence.Tokens[k].Lower)) return true;
        }

        return false;
    }

    /// <summary>Drops the background events of the sentence (coded from <paramref name="from"/> on) when it reports another.</summary>
    public static void Drop(List<CodedEvent> events, int from, List<int> backgroundTriggers)
    {
        if (backgroundTriggers.Count == 0) return;
        var reportsOther = false;
        for (var i = from; i < events.Count && !reportsOther; i++) reportsOther = !backgroundTriggers.Contains(events[i].TriggerStart);
        if (!reportsOther) return;
        for (var i = events.Count - 1; i >= from; i--)
        {
            if (backgroundTriggers.Contains(events[i].TriggerStart)) events.RemoveAt(i);
        }
    }
}
