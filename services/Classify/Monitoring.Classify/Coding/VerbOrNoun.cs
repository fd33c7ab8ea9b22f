using System.Buffers;

namespace Monitoring.Classify.Coding;

/// <summary>Stage 2a: whether a dictionary verb form is a verb here, or the noun or adjective with the same spelling, by its neighbours.</summary>
internal static class VerbOrNoun
{
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(",;:()\"”");

    /// <summary>Tells a verb from the noun or adjective with the same spelling, by its neighbours.</summary>
    public static bool LooksLikeVerb(Sentence sentence, int i, VerbForm form)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        if (w[i].Capitalized && !sentence.IsHeadline) return false;
        if (i > 0)
        {
            // "Germany's exports": the tokenizer keeps the possessive out of the name, so it is in the gap.
            var gap = sentence.Gap(i - 1, i);
            if (gap.StartsWith("'s", StringComparison.Ordinal) || gap.StartsWith("’s", StringComparison.Ordinal)) return false;
            var previous = w[i - 1].Lower;

            // "a senior French official said": a reporting verb follows its speaker, whatever noun names them.
            if ((sentence.Is(i - 1, WordClass.NounMarker) && !(previous == "official" && IsSpeech(cues, form))) || previous.EndsWith("'s", StringComparison.Ordinal) || previous.EndsWith("’s", StringComparison.Ordinal)) return false;
            if (char.IsDigit(previous[0])) return false;

            // "the Russian attack": after an article and an actor adjective a base form is a noun; "the Chinese police attacked" is a verb.
            if (!form.IsParticiple && i + form.Words.Length < w.Count && w[i + form.Words.Length].Lower is "on" or "against" or "by" or "of" or "in" or "at" or "between"
                && sentence.InActor[i - 1] >= 0 && sentence.Slots[sentence.InActor[i - 1]].First is var slotStart and > 0
                && sentence.Is(slotStart - 1, WordClass.NounMarker) && sentence.Slots[sentence.InActor[i - 1]].Mentions.TrueForAll(m => m.Sector is null)) return false;
            // "a police patrol", "a Malian army base": after an indefinite article and the actor it opens, a bare form is
            // a noun; a verb there would agree with the singular ("a police officer patrols").
            if (!form.IsParticiple && !form.IsGerund && !w[i].Lower.EndsWith('s') && sentence.InActor[i - 1] >= 0
                && sentence.Slots[sentence.InActor[i - 1]].First is var opened and > 0 && cues.Set("indefinite-articles").Contains(w[opened - 1].Lower)) return false;
            if (gap.Contains('-') && previous != "co") return false;
            // After a noun a past form is still a verb ("the group killed"); a base form is a noun ("a private visit").
            if (!CanPrecedeVerb(sentence, i) && !form.IsParticiple && !IsSpeech(cues, form)) return false;
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

    // A reporting verb: asked only where it decides (a hash of the lemma per dictionary verb otherwise).
    private static bool IsSpeech(CueWords cues, VerbForm form) => cues.SpeechLemmas.Contains(form.Entry.Lemma);

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
            || word.EndsWith("n't", StringComparison.Ordinal) || TriggerFinder.IsAdverb(word)
            || word is "and" or "or" or "then" or "co" or "re" or "they" or "who" || sentence.Is(p, WordClass.RoleWord) || sentence.Is(p, WordClass.IntentWord)
            || sentence.Is(p, WordClass.SubjectNoun);
    }
}
