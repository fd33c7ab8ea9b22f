namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5i: what a find reports. "The body of a man with two bullet wounds was found", "fue hallado muerto", "el
/// cadáver baleado fue encontrado": a clause that reports a discovery (a form of "be" and a discovery participle,
/// <c>discovery-participles</c>) says in what state someone or something was found, and names no one who did anything.
/// The wound it was found with (a trigger led by a wound noun, <c>wound-nouns</c>: "impactos de bala") and a participle
/// that only describes (no form of "be" before it, no agent after it: "hallado muerto", "cadáver baleado") are that
/// state, not events. A verb of its own in the sentence ("fue asesinado por …, su cuerpo fue hallado") stays an event.
/// A language without the cue sets (English: its coder reads no event into "was found dead" anyway) reads every find
/// as it reads any other clause.
/// </summary>
internal static class FoundState
{
    /// <summary>Whether <paramref name="verb"/> only describes the state in which the sentence reports something found.</summary>
    public static bool Describes(Sentence sentence, Trigger verb)
    {
        var finds = sentence.Cues.Set("discovery-participles");
        if (finds.Count == 0 || Find(sentence, finds) is not { } find) return false;
        return IsWound(sentence, verb) || IsDescribingParticiple(sentence, verb, find);
    }

    /// <summary>"fue hallado", "fueron encontrados", "was found": a form of "be", perhaps an auxiliary between, then a discovery participle; its token.</summary>
    private static int? Find(Sentence sentence, HashSet<string> finds)
    {
        var w = sentence.Tokens;
        for (var k = 1; k < w.Count; k++)
        {
            if (!sentence.ShapeIn(k, finds) || sentence.InActor[k] >= 0) continue;
            for (var b = k - 1; b >= Math.Max(0, k - 3); b--)
            {
                if (sentence.Is(b, WordClass.BeForm)) return k;
                if (!sentence.Is(b, WordClass.Auxiliary) && !TriggerFinder.IsAdverb(w[b].Lower)) break;
            }
        }

        return null;
    }

    /// <summary>"impactos de bala", "varios impactos de arma de fuego": the trigger is, or is led by, a wound noun.</summary>
    private static bool IsWound(Sentence sentence, Trigger verb)
    {
        var wounds = sentence.Cues.Set("wound-nouns");
        if (wounds.Count == 0) return false;
        for (var k = verb.First; k < verb.End; k++)
        {
            if (sentence.ShapeIn(k, wounds)) return true;
        }

        // "impactos de arma de fuego": the wound noun and a connector stand right before the weapon.
        var connectors = sentence.Cues.RoleConnectors;
        return verb.First >= 2 && sentence.ShapeIn(verb.First - 1, connectors) && sentence.ShapeIn(verb.First - 2, wounds);
    }

    /// <summary>
    /// "hallado muerto", "el cadáver baleado … fue hallado": a participle with no form of "be" or auxiliary right before
    /// it ("fue asesinado", "had killed" are verbs), no agent after it, and no comma or clause word between it and the find.
    /// </summary>
    private static bool IsDescribingParticiple(Sentence sentence, Trigger verb, int find)
    {
        var w = sentence.Tokens;
        if (verb.End - verb.First != 1 || !sentence.Language.Shapes.IsParticiple(w[verb.First].Lower)) return false;
        if (verb.First > 0 && (sentence.Is(verb.First - 1, WordClass.BeForm) || sentence.Is(verb.First - 1, WordClass.Auxiliary))) return false;
        if (verb.End < w.Count && sentence.ShapeIn(verb.End, sentence.Cues.AgentPrepositions)) return false;
        var (from, to) = verb.First < find ? (verb.First, find) : (find, verb.First);
        for (var k = from + 1; k <= to; k++)
        {
            if (sentence.CommaBefore(k) || sentence.StopBefore(k) || sentence.Is(k, WordClass.ClauseBoundary)) return false;
        }

        return true;
    }
}
