using System.Buffers;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 2: the verbs of a sentence, from the CAMEO verb dictionary (one hash probe per token, multi-word forms such as
/// "met with" first), told from nouns and adjectives with the same spelling by the words around them; and the
/// reporting verbs ("said", "according to") that name a speaker.
/// </summary>
internal sealed class TriggerFinder(CameoVerbDictionary verbs)
{
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(",;:()\"”");

    private static readonly VerbForm Said = new(["said"], new VerbEntry("SAY", null, false, new VerbBlock("SAY", null, null, [])), false, false);

    private static readonly VerbForm AccordingTo = new(["according", "to"], new VerbEntry("SAY", null, false, new VerbBlock("SAY", null, null, [])), false, false);

    /// <summary>
    /// The sentence's triggers; with <paramref name="nouns"/>, also the lexicon's nouns ("talks", "air strikes"); with
    /// <paramref name="actorNouns"/>, also the role actors whose very name is an event ("protesters": they protest).
    /// </summary>
    public List<Trigger> Find(Sentence sentence, bool nouns, bool actorNouns = false)
    {
        var found = sentence.Language.HasVerbDictionary ? DictionaryVerbsOnce(sentence) : [];
        var lexicon = sentence.Language.Triggers;
        if (lexicon.Count > 0) AddLexical(sentence, found, nouns);
        if (actorNouns && lexicon.Count > 0) AddActorNouns(sentence, found);
        found.Sort((a, b) => a.First.CompareTo(b.First));
        return found;
    }

    /// <summary>The dictionary verbs are the same in every pass over a sentence: a later pass codes fresh copies of the first's.</summary>
    private List<Trigger> DictionaryVerbsOnce(Sentence sentence) =>
        sentence.DictionaryVerbs is { } first ? first.ConvertAll(static t => t.Fresh()) : [.. sentence.DictionaryVerbs = DictionaryVerbs(sentence)];

    private List<Trigger> DictionaryVerbs(Sentence sentence)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        var inActor = sentence.InActor;
        var found = new List<Trigger>();
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
                if (!matches || !LooksLikeVerb(sentence, i, form)) continue;

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

    /// <summary>Words of the trigger lexicon where the dictionary found no verb: "urged" (a verb where a verb can stand), "air strikes" (a noun).</summary>
    private static void AddLexical(Sentence sentence, List<Trigger> found, bool nouns)
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
            if (!english && sentence.ShapeIn(i, sentence.Cues.SpeechWords))
            {
                found.Add(new Trigger(i, i + 1, Said, TriggerKind.Speech, fromDictionary: false));
                continue;
            }

            var shapeCount = sentence.Shapes(i).Count;
            for (var shape = 0; shape < shapeCount; shape++)
            {
                var entries = sentence.LexiconStartingWith(i, shape);
                var noun = Longest(sentence, entries, i, covered, noun: true);
                var verb = Longest(sentence, entries, i, covered, noun: false);
                if (verb is not null && english && !LooksLikeVerb(sentence, i, verb.Form)) verb = null;
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

    private static void AddActorNouns(Sentence sentence, List<Trigger> found)
    {
        foreach (var slot in sentence.Slots)
        {
            if (slot.Mentions.Count != 1 || slot.Mentions[0].Code != CodedEvents.UnknownCode) continue;
            for (var k = slot.First; k < slot.End; k++)
            {
                var entry = sentence.SingleNoun(k, static _ => true);
                if (entry is null) continue;
                found.Add(new Trigger(slot.First, slot.End, entry.Form, TriggerKind.Event, entry, fromDictionary: false) { ActorIsSubject = true });
                return;
            }
        }
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
                if (!cues.NounLeaders.Contains(word) && !char.IsDigit(word[0]) && !IsAdverb(word) && (k < i - 2 || sentence.InActor[k] >= 0 || sentence.CommaBefore(k))) return null;
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

    /// <summary>Tells a verb from the noun or adjective with the same spelling, by its neighbours.</summary>
    private static bool LooksLikeVerb(Sentence sentence, int i, VerbForm form)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        if (w[i].Capitalized && !sentence.IsHeadline) return false;
        var speech = cues.SpeechLemmas.Contains(form.Entry.Lemma);
        if (i > 0)
        {
            // "Germany's exports": the tokenizer keeps the possessive out of the name, so it is in the gap.
            var gap = sentence.Gap(i - 1, i);
            if (gap.StartsWith("'s", StringComparison.Ordinal) || gap.StartsWith("’s", StringComparison.Ordinal)) return false;
            var previous = w[i - 1].Lower;

            // "a senior French official said": a reporting verb follows its speaker, whatever noun names them.
            if ((sentence.Is(i - 1, WordClass.NounMarker) && !(speech && previous == "official")) || previous.EndsWith("'s", StringComparison.Ordinal) || previous.EndsWith("’s", StringComparison.Ordinal)) return false;
            if (char.IsDigit(previous[0])) return false;

            // "the Russian attack": after an article and an actor adjective a base form is a noun; "the Chinese police attacked" is a verb.
            if (!form.IsParticiple && i + form.Words.Length < w.Count && w[i + form.Words.Length].Lower is "on" or "against" or "by" or "of" or "in" or "at" or "between"
                && sentence.InActor[i - 1] >= 0 && sentence.Slots[sentence.InActor[i - 1]].First is var slotStart and > 0
                && sentence.Is(slotStart - 1, WordClass.NounMarker) && sentence.Slots[sentence.InActor[i - 1]].Mentions.TrueForAll(m => m.Sector is null)) return false;
            if (gap.Contains('-') && previous != "co") return false;
            // After a noun a past form is still a verb ("the group killed"); a base form is a noun ("a private visit").
            if (!CanPrecedeVerb(sentence, i) && !speech && !form.IsParticiple) return false;
        }

        var after = i + form.Words.Length;
        var isBareOrPlural = !form.IsParticiple && !form.IsGerund;
        var auxiliaryAt = Clauses.SkipBack(sentence, i);
        var hasBe = false;
        for (var k = auxiliaryAt; k < i; k++) hasBe |= sentence.Is(k, WordClass.BeForm);

        // "a visit of", "talks between": a noun; "is skeptical of": a predicate adjective after a form of be.
        if (isBareOrPlural && !hasBe && after < w.Count && w[after].Lower is "of" or "between" && form.Words.Length == 1) return false;
        if (form.IsGerund && !hasBe) return false;

        // "the consensus reached by the two heads of state": a participle modifying a noun, not a clause.
        return !(form.IsParticiple && after < w.Count && w[after].Lower == "by" && auxiliaryAt == i);
    }

    /// <summary>
    /// A verb follows its subject (an actor, a name, a pronoun, a role word), an auxiliary or adverb, "to", a
    /// conjunction or a clause word, or punctuation; after any other word ("a brief private visit") it is a noun.
    /// </summary>
    private static bool CanPrecedeVerb(Sentence sentence, int i)
    {
        var w = sentence.Tokens;
        var previous = w[i - 1];
        if (previous.Capitalized || sentence.InActor[i - 1] >= 0 || sentence.Gap(i - 1, i).IndexOfAny(Punctuation) >= 0) return true;
        var word = previous.Lower;
        var p = i - 1;
        return sentence.Is(p, WordClass.Auxiliary) || sentence.Is(p, WordClass.Pronoun) || sentence.Is(p, WordClass.Negation) || sentence.Is(p, WordClass.ClauseBoundary)
            || word.EndsWith("n't", StringComparison.Ordinal) || IsAdverb(word)
            || word is "and" or "or" or "then" or "co" or "re" or "they" or "who" || sentence.Is(p, WordClass.RoleWord) || sentence.Is(p, WordClass.IntentWord)
            || sentence.Is(p, WordClass.SubjectNoun);
    }

    internal static bool IsAdverb(string word) => word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal);
}
