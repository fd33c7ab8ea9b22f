namespace Monitoring.Classify.Coding;

/// <summary>
/// The unmarked passive of a script written without vowels: Arabic "قُتلوا" (they were killed) and "قَتلوا" (they
/// killed) are spelled alike. A violent verb is read as undergone when what follows it says how the victims died or
/// who else was hurt — "ثلاثة جنود قتلوا وأصيب آخرون" (were killed, and others wounded), "قتلوا في هجوم / بانفجار" (in
/// an attack, by an explosion) — with no object of its own in between; and an event noun after a verb of undergoing
/// ("تعرضت القوات لهجوم", the forces came under attack) has its subject as the victim. The cue sets
/// (<c>passive-markers</c>, <c>cause-leaders</c>, <c>undergo-verbs</c>) are the language's; a language without them
/// has no such reading.
/// </summary>
internal static class UndergoneVerbs
{
    /// <summary>
    /// Whether <paramref name="verb"/> (violent, a verb) is undergone. <paramref name="subjectBefore"/>: its subject
    /// stands before it, so any actor after it is an object; otherwise (verb–subject order) one group, the victims, may
    /// stand between the verb and the words that mark the passive.
    /// </summary>
    public static bool IsUndergone(Sentence sentence, Trigger verb, bool subjectBefore, out (int First, int End)? cause)
    {
        cause = null;
        if (!Subjects.IsViolent(verb.Lexicon?.Code ?? verb.Code)) return false;
        var cues = sentence.Cues;
        var markers = cues.Set("passive-markers");
        if (markers.Count == 0 || verb.IsNoun) return false;
        var leaders = cues.Set("cause-leaders");
        var w = sentence.Tokens;
        var groups = 0;
        var armed = false;
        for (var k = verb.End; k < Math.Min(w.Count, verb.End + 10); k++)
        {
            if (sentence.InActor[k] >= 0)
            {
                var slot = sentence.Slots[sentence.InActor[k]];
                if (ActorGroups.IsPlace(sentence, slot)) return false;
                if (++groups > (subjectBefore ? 0 : 1)) return false;
                armed = slot.Mentions.Exists(m => m.Sector is "MIL" or "UAF" or "REB" or "COP");
                k = slot.End - 1;
                continue;
            }

            if (k > verb.End && sentence.StopBefore(k)) return false;
            if (sentence.ShapeIn(k, markers)) return true;
            // The event noun may not be a trigger yet: nouns are read only where no verb gave an event.
            if (sentence.StartsTrigger(k) || EventNounLength(sentence, k) > 0)
            {
                // "اغتال الجيش … بقصف السيارة": after armed men, ب + noun is the means ("by shelling"), not the cause.
                if (k == verb.End || !HasLeader(sentence, k, leaders, attached: !armed)) return false;
                cause = (k, k + Math.Max(1, EventNounLength(sentence, k)));
                return true;
            }
            if (sentence.ShapeIn(k, cues.ClauseBoundaries)) return false;
        }

        return false;
    }

    /// <summary>"في هجوم", "بانفجار", "اثر هجوم": a cause word shortly before the event noun at <paramref name="k"/>, or ب attached to it.</summary>
    private static bool HasLeader(Sentence sentence, int k, HashSet<string> leaders, bool attached)
    {
        var word = sentence.Language.Shapes.Normalize(sentence.Tokens[k].Lower);
        if (attached && (word.StartsWith('ب') || word.StartsWith("وب", StringComparison.Ordinal))) return true;

        // "في هجوم", "في سلسلة من الضربات" (in a series of strikes): the cause word up to three words before.
        for (var j = k - 1; j >= Math.Max(0, k - 3) && sentence.InActor[j] < 0; j--)
        {
            if (sentence.ShapeIn(j, leaders)) return true;
        }

        return false;
    }

    /// <summary>The number of words of the lexicon's event noun of violence (18–20) starting at <paramref name="k"/>, or 0.</summary>
    private static int EventNounLength(Sentence sentence, int k)
    {
        var w = sentence.Tokens;
        foreach (var shape in sentence.Shapes(k))
        {
            foreach (var entry in sentence.Language.Triggers.StartingWith(shape))
            {
                if (!entry.IsNoun || CameoRoot.Of(entry.Code) is not ("18" or "19" or "20") || k + entry.Words.Length > w.Count) continue;
                if (!TriggerLexicon.Matches(entry.Words[0], shape)) continue;
                var matches = true;
                for (var j = 1; j < entry.Words.Length && matches; j++) matches = sentence.ShapeMatches(k + j, entry.Words[j]);
                if (matches) return entry.Words.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// What a subject can undergo after a verb of undergoing: violence (17–20) and threats (13): "recibió amenazas" is
    /// being threatened, as "تعرضت لهجوم" is coming under attack.
    /// </summary>
    public static bool Undergoable(string? code) => Subjects.IsViolent(code) || (code is { Length: >= 2 } && CameoRoot.Of(code) == "13");

    /// <summary>"تعرضت القوات الأميركية لهجوم", "recibió amenazas": a verb of undergoing within two words before the event noun <paramref name="noun"/>.</summary>
    public static bool FollowsUndergoVerb(Sentence sentence, Trigger noun)
    {
        var undergo = sentence.Cues.Set("undergo-verbs");
        // A lexicon that codes verbs and nouns by one stem ("amenaz*": amenazó, amenazas) reads the noun as the stem's word.
        if (undergo.Count == 0 || !(noun.IsNoun || (!noun.FromDictionary && !sentence.Language.HasVerbDictionary))) return false;
        for (var k = noun.First - 1; k >= Math.Max(0, noun.First - 8); k--)
        {
            if (sentence.ShapeIn(k, undergo)) return true;
            if (sentence.StartsTrigger(k) || sentence.StopBefore(k + 1)) return false;
        }

        return false;
    }
}
