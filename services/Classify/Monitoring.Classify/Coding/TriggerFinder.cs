namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 2: the verbs of a sentence, from the CAMEO verb dictionary (one hash probe per token, multi-word forms such as
/// "met with" first), told from nouns and adjectives with the same spelling by the words around them; and the
/// reporting verbs ("said", "according to") that name a speaker.
/// </summary>
internal sealed class TriggerFinder(CameoVerbDictionary verbs)
{
    internal static readonly VerbForm Said = new(["said"], new VerbEntry("SAY", null, false, new VerbBlock("SAY", null, null, [])), false, false);

    private static readonly VerbForm AccordingTo = new(["according", "to"], new VerbEntry("SAY", null, false, new VerbBlock("SAY", null, null, [])), false, false);

    /// <summary>
    /// The sentence's triggers; with <paramref name="nouns"/>, also the lexicon's nouns ("talks", "air strikes"); with
    /// <paramref name="actorNouns"/>, also the role actors whose very name is an event ("protesters": they protest).
    /// </summary>
    public List<Trigger> Find(Sentence sentence, bool nouns, bool actorNouns = false)
    {
        // One list for every pass: a pass's triggers replace the last pass's, which no stage reads once a new pass starts.
        var found = sentence.Buffers.PassTriggers();
        if (sentence.Language.HasVerbDictionary) DictionaryVerbsOnce(sentence, found);
        var lexicon = sentence.Language.Triggers;
        if (lexicon.Count > 0) LexicalTriggers.Add(sentence, found, nouns);
        if (actorNouns && lexicon.Count > 0 && LexicalTriggers.ActorNoun(sentence) is { } actorNoun) found.Add(actorNoun);
        found.Sort((a, b) => a.First.CompareTo(b.First));
        return found;
    }

    /// <summary>Whether <see cref="Find"/> with actor nouns would find one, which a pass without them does not.</summary>
    public static bool FindsActorNoun(Sentence sentence) => sentence.Language.Triggers.Count > 0 && LexicalTriggers.ActorNoun(sentence) is not null;

    /// <summary>The dictionary verbs are the same in every pass over a sentence: a later pass codes fresh copies of the first's.</summary>
    private void DictionaryVerbsOnce(Sentence sentence, List<Trigger> found)
    {
        if (sentence.DictionaryVerbs is { } first)
        {
            foreach (var t in first) found.Add(t.Fresh());
        }
        else found.AddRange(sentence.DictionaryVerbs = DictionaryVerbs(sentence));
    }

    private List<Trigger> DictionaryVerbs(Sentence sentence)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        var inActor = sentence.InActor;
        var found = sentence.Buffers.DictionaryVerbs();
        for (var i = 0; i < w.Count; i++)
        {
            // A capitalised word inside a sentence is never read as a verb (LooksLikeVerb): no need to look it up.
            if (inActor[i] >= 0 || (w[i].Capitalized && !sentence.IsHeadline)) continue;
            var forms = verbs.FormsStartingWith(w[i].Lower);
            if (forms.Count == 0) continue;
            foreach (var form in forms)
            {
                if (i + form.Words.Length > w.Count) continue;
                var matches = true;
                for (var k = 1; k < form.Words.Length && matches; k++) matches = w[i + k].Lower == form.Words[k] && inActor[i + k] < 0;
                if (!matches || !VerbOrNoun.LooksLikeVerb(sentence, i, form)) continue;

                // "Azerbaijani forces attacked": a subject noun spelled like a verb, followed by the verb.
                if (form.Words.Length == 1 && sentence.Is(i, WordClass.SubjectNoun) && i + 1 < w.Count && verbs.FormsStartingWith(w[i + 1].Lower).Count > 0) break;

                // "promote close coordination", "work together further": a verb right after a verb is its object or adverb.
                if (found.Count > 0 && found[^1].End == i && found[^1].Kind == TriggerKind.Event && sentence.Gap(i - 1, i).Trim().IsEmpty) break;
                var lemma = form.Entry.Lemma;
                var kind = cues.SpeechLemmas.Contains(lemma) ? TriggerKind.Speech
                    : cues.DenialLemmas.Contains(lemma) && i + form.Words.Length < w.Count && w[i + form.Words.Length].Lower == "that" ? TriggerKind.Denial
                    : TriggerKind.Event;
                // "went on strike", "declined to comment", "claimed responsibility": a longer phrase of the lexicon says more than the verb.
                var entries = sentence.Language.Triggers.StartingWith(w[i].Lower);
                if (kind != TriggerKind.Denial && LongerPhrase(sentence, entries, i, form.Words.Length) is { } phrase && !CodeChooser.SaysMoreThan(sentence, form, i, phrase))
                {
                    found.Add(new Trigger(i, i + phrase.Words.Length, phrase.Form, TriggerKind.Event, phrase, fromDictionary: false));
                    i += phrase.Words.Length - 1;
                    break;
                }

                found.Add(new Trigger(i, i + form.Words.Length, form, kind, LexiconVerb(entries, form.Words)));
                i += form.Words.Length - 1;
                break;
            }
        }

        // "according to X": X is the speaker.
        for (var i = 0; i + 1 < w.Count; i++)
        {
            if (w[i].Lower == "according" && w[i + 1].Lower == "to" && !Trigger.AnyStartsAt(found, i))
            {
                found.Add(new Trigger(i, i + 2, AccordingTo, TriggerKind.Speech));
            }
        }

        return found;
    }

    private static LexiconEntry? LongerPhrase(Sentence sentence, List<LexiconEntry> entries, int i, int length)
    {
        var w = sentence.Tokens;
        foreach (var entry in entries)
        {
            if (entry.IsNoun || entry.Words.Length <= Math.Max(1, length) || i + entry.Words.Length > w.Count) continue;
            var matches = true;
            for (var k = 1; k < entry.Words.Length && matches; k++) matches = w[i + k].Lower == entry.Words[k] && sentence.InActor[i + k] < 0;
            if (matches) return entry;
        }

        return null;
    }

    /// <summary>The lexicon's verb entry for a dictionary verb form, if the lexicon lists the same words (among the entries starting with its first).</summary>
    private static LexiconEntry? LexiconVerb(List<LexiconEntry> entries, string[] words)
    {
        LexiconEntry? head = null;
        foreach (var entry in entries)
        {
            if (entry.IsNoun) continue;
            if (entry.Words.AsSpan().SequenceEqual(words)) return entry;
            if (entry.Words.Length == 1) head = entry;
        }

        return head;
    }

    internal static bool IsAdverb(string word) => word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal);
}
