using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5h: the mood of what a clause says — asked, wished, doubted — as opposed to reported as done. A yes/no question
/// ("Will Russia attack Georgia?") asks whether something happens and reports nothing. What a wish or an attitude is
/// about ("X hoped Y would be indicted", "expressed his wish that Y would help", "is skeptical the plan would work")
/// is not a fact. What is asked of someone ("told Uganda to withdraw", "a call to release the prisoners") is asked, not
/// done or intended by anyone. The cue sets are English (<c>cues-en.txt</c>); a language without them reads every clause as reported.
/// </summary>
internal static class Mood
{
    /// <summary>"Will Russia attack Georgia?", "Did Turkey sign …?": a question opened by an auxiliary. "Why did … ?" presupposes the act and stays.</summary>
    public static bool IsYesNoQuestion(Sentence sentence)
    {
        var openers = sentence.Cues.Set("question-openers");
        if (openers.Count == 0 || sentence.Tokens.Count == 0 || !openers.Contains(sentence.Tokens[0].Lower)) return false;
        var text = sentence.Text.AsSpan(sentence.Start, sentence.End - sentence.Start).TrimEnd().TrimEnd("\"”'’)");
        return text.Length > 0 && text[^1] == '?';
    }

    /// <summary>
    /// Whether <paramref name="verb"/> stands in what a wish or attitude governs: after a wish verb with no "to" (the
    /// infinitive is the wisher's own intent, coded as such), or after an attitude word (<c>attitude-words</c>: wish,
    /// hope, skeptical, confident …) followed by "that" or with a modal before the verb. A reduced relative inside it
    /// ("officials accused of …") is still a fact.
    /// </summary>
    public static bool IsWished(Sentence sentence, Trigger verb)
    {
        if (WishVerbBefore(sentence, verb) || AttitudeBefore(sentence, verb)) return !Complements.IsReducedRelative(sentence, verb);
        return false;
    }

    private static bool WishVerbBefore(Sentence sentence, Trigger verb)
    {
        var w = sentence.Tokens;
        var wishes = sentence.Cues.Set("wish-lemmas");
        foreach (var t in sentence.Triggers)
        {
            if (t.First >= verb.First) break;
            if (t.Kind == TriggerKind.Event && wishes.Contains(t.Entry.Lemma) && t.End < w.Count && w[t.End].Lower != "to" && !sentence.HasSpeechBetween(t.End, verb.First)) return true;
        }

        return false;
    }

    private static bool AttitudeBefore(Sentence sentence, Trigger verb)
    {
        // The walk back ends true only at an attitude word: none before the verb, nothing to walk; none before the first, no further to walk.
        var firstAttitude = sentence.FirstOf(WordClass.Attitude);
        if (firstAttitude >= verb.First) return false;
        var w = sentence.Tokens;
        var sawModal = false;
        for (var k = verb.First - 1; k >= firstAttitude; k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StopBefore(k + 1)) return false;
            sawModal |= sentence.Is(k, WordClass.IrrealisModal);
            if (sentence.Is(k, WordClass.Attitude) && sentence.InActor[k] < 0)
            {
                return (sawModal || (k + 1 < verb.First && w[k + 1].Lower == "that")) && !sentence.HasSpeechBetween(k + 1, verb.First);
            }

            // "fears grew after Russia attacked": another clause word ends what an attitude can govern.
            if (sentence.Is(k, WordClass.ClauseBoundary) && w[k].Lower != "that") return false;
        }

        return false;
    }

    /// <summary>
    /// "pidió una negociación", "canceló la reunión": an event noun that is the object of a verb asking for it or calling
    /// it off (<c>unrealised-governors</c>, stems) names what is asked or called off, not an event that took place. Only
    /// object words, actors and "a" may stand between (no comma, clause word or other trigger).
    /// </summary>
    public static bool IsUnrealisedObject(Sentence sentence, Trigger noun)
    {
        var governors = sentence.Cues.Set("unrealised-governors");
        // A stem lexicon ("reunion", "dialogo" under 040) does not tell nouns from verbs: its word is a noun after an article,
        // an object word, an actor or a name ("una negociación", "a X diálogo"), not after any word ("que exigían tierras bloquearon").
        if (governors.Count == 0 || noun.First == 0) return false;
        var before = noun.First - 1;
        var nounShaped = !noun.FromDictionary && !sentence.Language.HasVerbDictionary
            && (sentence.InActor[before] >= 0 || (sentence.Tokens[before].Capitalized && !sentence.IsHeadline) || sentence.ShapeIn(before, sentence.Cues.ObjectLeaders) || sentence.ShapeIn(before, sentence.Cues.NounLeaders));
        if (!noun.IsNoun && !nounShaped) return false;
        for (var k = noun.First - 1; k >= Math.Max(0, noun.First - 8); k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StopBefore(k + 1)) return false;
            foreach (var governor in governors)
            {
                if (sentence.ShapeMatches(k, governor)) return true;
            }

            if (sentence.StartsTrigger(k) || sentence.ShapeIn(k, sentence.Cues.ClauseBoundaries)) return false;
        }

        return false;
    }

    /// <summary>"rejected a call to release the prisoners": the infinitive after an appeal noun (<c>appeal-nouns</c>) is what is asked.</summary>
    public static bool IsAskedByNoun(Sentence sentence, Trigger verb)
    {
        var nouns = sentence.Cues.Set("appeal-nouns");
        var to = ToBefore(sentence, verb);
        return to > 0 && nouns.Contains(sentence.Tokens[to - 1].Lower) && sentence.InActor[to - 1] < 0;
    }

    /// <summary>
    /// "Kenya told Uganda (not) to attack Sudan": a telling verb (<c>telling-lemmas</c>) with an actor and an infinitive
    /// after it asks that actor (020, from the teller, or the subject before when the verb is coordinated); the infinitive
    /// is not coded. Returns whether it applied.
    /// </summary>
    public static bool Told(Sentence sentence, Trigger verb, List<CodedEvent> events, CameoCodebook codebook, List<ActorMention>? previousSubject)
    {
        var to = ToBefore(sentence, verb);
        var lemmas = sentence.Cues.Set("telling-lemmas");
        if (to < 0 || lemmas.Count == 0) return false;
        var told = sentence.Triggers.FindLast(t => t.End <= to);
        if (told is null || !lemmas.Contains(told.Entry.Lemma)) return false;
        var asked = ActorGroups.First(sentence, told.End, to);
        if (asked is null || codebook.Find("020") is not { } appeal) return true;
        // "rejected the call of X and told Y to …": a coordinated verb's teller is the previous verb's subject.
        var coordinated = told.First > 0 && (sentence.Tokens[told.First - 1].Lower is "and" or "but" || sentence.CommaBefore(told.First));
        var teller = (coordinated ? previousSubject : null) ?? ActorGroups.Last(sentence, Clauses.SubjectRegionStart(sentence, told), told.First) ?? EventPairs.Unknown(sentence, told);
        foreach (var (source, target) in EventPairs.Pairs(teller, asked))
        {
            if (source.Code == target.Code && source.Sector == target.Sector && source.Code != CodedEvents.UnknownCode) continue;
            if (EventPairs.AlreadyCoded(events, sentence.Start, appeal.Code, source, target)) continue;
            events.Add(CodedEvents.Create(sentence, appeal, source, target, told.First, told.End, CodedEvents.TriggerBasis));
        }

        return true;
    }

    /// <summary>The "to" of the verb's infinitive (with "not" or adverbs between), or -1.</summary>
    private static int ToBefore(Sentence sentence, Trigger verb)
    {
        for (var k = verb.First - 1; k >= Clauses.SkipBack(sentence, verb.First); k--)
        {
            if (sentence.Tokens[k].Lower == "to") return k;
        }

        return -1;
    }
}
