namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 3a, no parser: where a trigger's clause starts (its subject region) and where its object region ends, and
/// what stands right before the verb — auxiliaries, negation, intent, an infinitive "to".
/// </summary>
internal static class Clauses
{
    private const int MaxObjectWords = 30;

    /// <summary>Index of the first token of the run of auxiliaries, adverbs and negations ending before <paramref name="i"/>.</summary>
    public static int SkipBack(Sentence sentence, int i)
    {
        var w = sentence.Tokens;
        var k = i;
        while (k > 0 && k > i - 5)
        {
            var word = w[k - 1].Lower;
            if (!sentence.Is(k - 1, WordClass.Auxiliary) && !TriggerFinder.IsAdverb(word) && !sentence.Is(k - 1, WordClass.Negation) && !word.EndsWith("n't", StringComparison.Ordinal)) break;
            k--;
        }

        return k;
    }

    public static bool HasBefore(Sentence sentence, int i, string word)
    {
        for (var k = SkipBack(sentence, i); k < i; k++)
        {
            if (sentence.Tokens[k].Lower == word) return true;
        }

        return false;
    }

    public static bool IsNegated(Sentence sentence, int i)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        for (var k = SkipBack(sentence, i); k < i; k++)
        {
            var word = w[k].Lower;
            if (sentence.Is(k, WordClass.Negation) || word.EndsWith("n't", StringComparison.Ordinal)) return true;
        }

        return i >= 2 && w[i - 1].Lower == "to" && cues.NegatingVerbs.Contains(w[i - 2].Lower);
    }

    /// <summary>Whether a reporting verb ends at or before token <paramref name="k"/> ("said it will").</summary>
    private static bool SpeechEndsBy(Sentence sentence, int k)
    {
        foreach (var t in sentence.Triggers)
        {
            if (t.Kind == TriggerKind.Speech && t.End <= k) return true;
        }

        return false;
    }

    public static bool IsIntent(Sentence sentence, int i)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;

        // "marcharán", "protestarían": a future or conditional ending says the same as "will" or "would".
        var suffixes = cues.Set("intent-suffixes");
        // A reflexive trigger ("se reunirán") has its verb after the pronoun.
        var head = i + 1 < w.Count && w[i].Lower == "se" ? i + 1 : i;
        if (suffixes.Count > 0 && sentence.Language.Shapes.Normalize(w[head].Lower) is { Length: > 6 } verb && suffixes.Any(verb.EndsWith)) return true;
        // "realizarán el jueves una manifestación": the future of the verb that carries an event noun.
        var carriers = cues.Set("carrier-stems");
        for (var k = i - 1; k >= Math.Max(0, i - 6) && carriers.Count > 0; k--)
        {
            if (cues.ClauseBoundaries.Contains(w[k].Lower) || sentence.EndsTrigger(k + 1, except: null)) break;
            var form = sentence.Language.Shapes.Normalize(w[k].Lower);
            if (suffixes.Any(form.EndsWith) && carriers.Any(form.StartsWith)) return true;
        }

        // "las marchas que se realizarán el lunes": the reflexive passive of a carrier, in the future, after the noun.
        for (var k = i + 1; k < Math.Min(w.Count, i + 4) && carriers.Count > 0; k++)
        {
            var form = sentence.Language.Shapes.Normalize(w[k].Lower);
            if (w[k - 1].Lower == "se" && suffixes.Any(form.EndsWith) && carriers.Any(form.StartsWith)) return true;
            if (sentence.InActor[k] >= 0 || sentence.StartsTrigger(k)) break;
        }

        if (AfterIntentLeader(sentence, i)) return true;
        for (var k = SkipBack(sentence, i); k < i; k++)
        {
            var word = w[k].Lower;
            if (cues.IntentModals.Contains(word)) return true;
            if (cues.Set("scheduled-modals").Contains(word) && SpeechEndsBy(sentence, k)) return true;
            if (word == "to" && k > 0 && cues.IntentWords.Contains(w[k - 1].Lower) && w[k - 1].Lower is not ("is" or "are") && !IsPreparing(sentence, i)) return true;
            if (word == "to" && k > 0 && w[k - 1].Lower is "is" or "are" or "was" or "were") return true;
        }

        return false;
    }

    /// <summary>
    /// "están dispuestos al diálogo", "acordaron reanudar el diálogo": a word of willingness (<c>intent-adjectives</c>)
    /// a few words before, with only an article or a preposition between, or of commitment (<c>intent-leaders</c>)
    /// with an infinitive between.
    /// </summary>
    private static bool AfterIntentLeader(Sentence sentence, int i)
    {
        var adjectives = sentence.Cues.Set("intent-adjectives");
        var leaders = sentence.Cues.Set("intent-leaders");
        if (adjectives.Count == 0 && leaders.Count == 0) return false;
        var shapes = sentence.Language.Shapes;
        var infinitive = false;
        for (var k = i - 1; k >= Math.Max(0, i - 4); k--)
        {
            var word = shapes.Normalize(sentence.Tokens[k].Lower);
            if (adjectives.Contains(word) || (infinitive && leaders.Contains(word))) return true;
            var isInfinitive = word.Length > 4 && word[^1] == 'r' && word[^2] is 'a' or 'e' or 'i';
            infinitive |= isInfinitive;
            if (sentence.InActor[k] >= 0 || sentence.CommaBefore(k + 1) || !(isInfinitive || sentence.Cues.ObjectLeaders.Contains(word))) return false;
        }

        return false;
    }

    /// <summary>
    /// "the leader prepared to attend the summit": the verb "prepare" makes its complement imminent, scheduled; the
    /// adjective ("is prepared to attend") makes it intended.
    /// </summary>
    public static bool IsPreparing(Sentence sentence, int i)
    {
        var w = sentence.Tokens;
        if (i < 2 || w[i - 1].Lower != "to" || !sentence.Cues.Set("preparing-words").Contains(w[i - 2].Lower)) return false;
        for (var k = SkipBack(sentence, i - 2); k < i - 2; k++)
        {
            if (sentence.Cues.BeForms.Contains(w[k].Lower)) return false;
        }

        return true;
    }

    /// <summary>A plain future not reported ("workers will protest on Monday"): scheduled, which for a conflict is its threat.</summary>
    public static bool IsScheduled(Sentence sentence, int i)
    {
        if (IsPreparing(sentence, i)) return true;
        var modals = sentence.Cues.Set("scheduled-modals");
        for (var k = SkipBack(sentence, i); k < i && modals.Count > 0; k++)
        {
            if (modals.Contains(sentence.Tokens[k].Lower)) return true;
        }

        return false;
    }

    /// <summary>Where the clause of a trigger starts: after the previous trigger or clause word, or at the sentence start.</summary>
    public static int SubjectRegionStart(Sentence sentence, Trigger trigger)
    {
        var w = sentence.Tokens;
        for (var k = trigger.First - 1; k >= 0; k--)
        {
            if (sentence.EndsTrigger(k + 1, trigger)) return AfterAttribution(sentence, k + 1, trigger.First);
            if (sentence.Is(k, WordClass.ClauseBoundary)) return AfterIntroduction(sentence, k + 1, trigger.First);
            if (sentence.StopBefore(k)) return k;
        }

        return AfterIntroduction(sentence, 0, trigger.First);
    }

    /// <summary>
    /// "According to police, gunmen killed …": an attribution that opens the sentence names its speaker up to its comma;
    /// the clause's subject stands after it, not with the speaker.
    /// </summary>
    private static int AfterAttribution(Sentence sentence, int start, int verbFirst)
    {
        var w = sentence.Tokens;
        if (start != 2 || w[0].Lower != "according" || w[1].Lower != "to") return start;
        for (var k = start + 1; k < verbFirst; k++)
        {
            if (sentence.CommaBefore(k)) return k;
        }

        return start;
    }

    /// <summary>
    /// "Before leaving for Beijing, President Bush met …", "In Nairobi, police arrested …", "Speaking in Paris, the
    /// minister said …": a sentence's introductory phrase ends at its comma, and the clause's subject stands after it.
    /// </summary>
    private static int AfterIntroduction(Sentence sentence, int start, int verbFirst)
    {
        var w = sentence.Tokens;
        var opener = start == 0 ? 0 : start - 1;
        var word = w[opener].Lower;
        if (opener > 0 || verbFirst <= start || !(sentence.Cues.Set("introductory-words").Contains(word) || (start == 0 && word.EndsWith("ing", StringComparison.Ordinal)))) return start;
        for (var k = verbFirst - 1; k > start; k--)
        {
            if (!sentence.CommaBefore(k)) continue;
            for (var j = k; j < verbFirst; j++)
            {
                if (sentence.InActor[j] >= 0) return k;
            }

            return start;
        }

        return start;
    }

    /// <summary>Where a trigger's object ends: at the next clause (trigger, clause word, ';' or ':'), or after 30 words.</summary>
    public static int ObjectRegionEnd(Sentence sentence, int v)
    {
        var w = sentence.Tokens;
        var found = sentence.Triggers;
        var trigger = found[v];
        var limit = Math.Min(w.Count, trigger.End + MaxObjectWords);
        var next = v + 1 < found.Count ? found[v + 1] : null;
        for (var k = trigger.End; k < limit; k++)
        {
            if (k > trigger.End && sentence.StopBefore(k)) return k;
            if (sentence.Is(k, WordClass.ClauseBoundary) && !(w[k].Lower == "that" && k > trigger.End && k + 1 < w.Count && w[k + 1].Lower is "is" or "was")) return k;

            // "…, a senior Bree official said": the speaker is not the object.
            if (next is { Kind: TriggerKind.Speech } && k > trigger.End && sentence.CommaBefore(k) && !HasCommaBetween(sentence, k, next.First)) return k;
            if (next is not null && next.First == k && !(next.Kind == TriggerKind.Event && HasBefore(sentence, k, "to") && k - trigger.End <= 8 && trigger.Entry.Block.Code is not null)) return k;
        }

        return limit;
    }

    /// <summary>The end of the words that may stand between a verb and its object: articles, prepositions, adverbs.</summary>
    public static int DirectObjectEnd(Sentence sentence, int from, int to)
    {
        var w = sentence.Tokens;
        var inActor = sentence.InActor;
        var k = SkipObjectLeaders(sentence, from, to);

        // "condemned the sale of U.S. weapons": the actor the object belongs to.
        if (k > from && k + 1 < to && inActor[k] < 0 && inActor[k + 1] < 0 && w[k + 1].Lower == "of") k = SkipObjectLeaders(sentence, k + 2, to);
        if (k < to && inActor[k] >= 0)
        {
            while (k < to && (inActor[k] >= 0 || w[k].Lower is "and" or "or" or "the")) k++;
            return k;
        }

        return from;
    }

    /// <summary>Whether only pronouns, auxiliaries and intent words stand between the clause start and the verb ("that it would").</summary>
    public static bool IsBareSubject(Sentence sentence, int from, int to)
    {
        var cues = sentence.Cues;
        for (var k = from; k < to; k++)
        {
            var word = sentence.Tokens[k].Lower;
            if (cues.Pronouns.Contains(word)) return true;
            // "said Wednesday she hoped …": when it was said is not who.
            if (!cues.Auxiliaries.Contains(word) && !cues.IntentWords.Contains(word) && word is not ("," or "and" or "about" or "that") && !cues.Set("speech-time-words").Contains(word)) return false;
        }

        return true;
    }

    private static int SkipObjectLeaders(Sentence sentence, int from, int to)
    {
        var w = sentence.Tokens;
        var k = from;
        while (k < to && sentence.InActor[k] < 0 && (sentence.Cues.ObjectLeaders.Contains(w[k].Lower) || char.IsDigit(w[k].Lower[0]) || TriggerFinder.IsAdverb(w[k].Lower))) k++;
        return k;
    }

    private static bool HasCommaBetween(Sentence sentence, int from, int to)
    {
        for (var k = from + 1; k <= to && k < sentence.Tokens.Count; k++)
        {
            if (sentence.CommaBefore(k)) return true;
        }

        return false;
    }
}
