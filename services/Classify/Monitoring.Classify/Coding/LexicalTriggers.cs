namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 2b: the trigger lexicon's words where the CAMEO dictionary found no verb — a verb where a verb can stand
/// ("urged"), a noun ("air strikes", "talks"), a light verb's noun ("launched an air strike"), an actor named for what
/// it does ("protesters").
/// </summary>
internal static class LexicalTriggers
{
    /// <summary>Words of the trigger lexicon where the dictionary found no verb: "urged" (a verb where a verb can stand), "air strikes" (a noun).</summary>
    public static void Add(Sentence sentence, List<Trigger> found, bool nouns)
    {
        var w = sentence.Tokens;
        var shapes = sentence.Language.Shapes;
        var covered = sentence.CoveredMarks();
        foreach (var t in found)
        {
            for (var k = t.First; k < t.End; k++) covered[k] = true;
        }

        var english = sentence.Language.HasVerbDictionary;
        for (var i = 0; i < w.Count; i++)
        {
            if (covered[i] || sentence.InActor[i] >= 0 || NotTriggers.Skip(sentence, i, covered)) continue;

            // A capitalised word inside a sentence is part of a name ("Ejército de Liberación Nacional").
            if (i > 0 && w[i].Capitalized && !sentence.IsHeadline && HasCase(w[i].Lower)) continue;
            if (!english && (sentence.ShapeIn(i, sentence.Cues.SpeechWords) || ReportsThat(sentence, i)))
            {
                found.Add(new Trigger(i, i + 1, TriggerFinder.Said, TriggerKind.Speech, fromDictionary: false));
                continue;
            }

            var shapeCount = sentence.ShapeCount(i);
            for (var shape = 0; shape < shapeCount; shape++)
            {
                var entries = sentence.LexiconStartingWith(i, shape);
                var noun = Longest(sentence, entries, i, covered, noun: true);
                var verb = Longest(sentence, entries, i, covered, noun: false);
                if (verb is not null && english && !VerbOrNoun.LooksLikeVerb(sentence, i, verb.Form)) verb = null;
                if (noun is not null) sentence.HasEventNouns = true;
                Trigger? trigger = null;
                if (noun is not null && LightVerbBefore(sentence, found, i) is { } light)
                {
                    // "launched an air strike against": the verb's clause and patterns, the noun's code.
                    trigger = new Trigger(found[light].First, found[light].End, found[light].Form, TriggerKind.Event, noun) { ObjectStart = i + noun.Words.Length };
                    found.RemoveAt(light);
                }
                else if (verb is not null) trigger = new Trigger(i, i + verb.Words.Length, verb.Form, TriggerKind.Event, verb, fromDictionary: false) { IsParticiple = shapes.IsParticiple(w[i].Lower) };
                else if (noun is not null && nouns && !AfterAgainst(sentence, i)) trigger = new Trigger(i, i + noun.Words.Length, noun.Form, TriggerKind.Event, noun, fromDictionary: false);
                if (trigger is null) continue;

                found.Add(trigger);
                var length = (verb ?? noun)!.Words.Length;
                for (var k = i; k < i + length; k++) covered[k] = true;
                i += length - 1;
                break;
            }
        }
    }

    /// <summary>
    /// The first actor named for what it does ("protesters": they protest), a slot of one mention with no country whose
    /// word the lexicon has as a noun; null when there is none (then a pass for actor nouns finds nothing new).
    /// </summary>
    public static Trigger? ActorNoun(Sentence sentence)
    {
        foreach (var slot in sentence.Slots)
        {
            if (slot.Mentions.Count != 1 || slot.Mentions[0].Code != CodedEvents.UnknownCode) continue;
            for (var k = slot.First; k < slot.End; k++)
            {
                var entry = sentence.SingleNoun(k, static _ => true);
                if (entry is null) continue;
                return new Trigger(slot.First, slot.End, entry.Form, TriggerKind.Event, entry, fromDictionary: false) { ActorIsSubject = true };
            }
        }

        return null;
    }

    /// <summary>
    /// "denunció que …": a verb of <c>speech-before-that</c> followed by "that" (<c>that-words</c>) reports what its clause
    /// says, like "said"; with an object ("denunció al gobierno", "denunció el asesinato") it is an event of its own.
    /// </summary>
    private static bool ReportsThat(Sentence sentence, int i)
    {
        var verbs = sentence.Cues.Set("speech-before-that");
        return verbs.Count > 0 && i + 1 < sentence.Tokens.Count && sentence.ShapeIn(i, verbs) && sentence.ShapeIn(i + 1, sentence.Cues.Set("that-words"));
    }

    private static bool HasCase(string word) => word.Length > 0 && char.ToUpperInvariant(word[0]) != word[0];

    /// <summary>"protested against the visit", "contra la visita": the noun is what is protested.</summary>
    private static bool AfterAgainst(Sentence sentence, int i)
    {
        var against = sentence.Cues.AgainstWords;
        var w = sentence.Tokens;
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            var word = sentence.Language.Shapes.Normalize(w[k].Lower);
            if (against.Contains(word)) return true;
            if (!sentence.Cues.ObjectLeaders.Contains(word) && !sentence.Cues.NounLeaders.Contains(word)) return false;
        }

        return false;
    }

    /// <summary>The index among <paramref name="found"/> of a light verb ("launched", "staged") standing before the noun at <paramref name="i"/>.</summary>
    private static int? LightVerbBefore(Sentence sentence, List<Trigger> found, int i)
    {
        var cues = sentence.Cues;
        for (var t = found.Count - 1; t >= 0; t--)
        {
            var verb = found[t];
            if (verb.End > i) continue;
            if (verb.Kind == TriggerKind.Denial || verb.Lexicon is { IsNoun: true } || !cues.LightVerbs.Contains(sentence.Tokens[verb.First].Lower)) return null;
            for (var k = verb.End; k < i; k++)
            {
                var word = sentence.Tokens[k].Lower;
                if (!cues.NounLeaders.Contains(word) && !char.IsDigit(word[0]) && !TriggerFinder.IsAdverb(word) && (k < i - 2 || sentence.InActor[k] >= 0 || sentence.CommaBefore(k))) return null;
            }

            return i - verb.End <= 7 ? t : null;
        }

        return null;
    }

    private static LexiconEntry? Longest(Sentence sentence, List<LexiconEntry> entries, int i, bool[] covered, bool noun)
    {
        var w = sentence.Tokens;
        foreach (var entry in entries)
        {
            if (entry.IsNoun != noun || i + entry.Words.Length > w.Count) continue;
            var matches = true;
            for (var k = 1; k < entry.Words.Length && matches; k++)
            {
                var form = entry.Words[k];
                matches = !covered[i + k] && sentence.InActor[i + k] < 0 && sentence.ShapeMatches(i + k, form);
            }

            if (matches) return entry;
        }

        return null;
    }
}
