namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5b: the mood of what a clause says — asked, wished, doubted — as opposed to reported as done. A yes/no question
/// ("Will Russia attack Georgia?") asks whether something happens and reports nothing. What a wish or an attitude is
/// about ("X hoped Y would be indicted", "expressed his wish that Y would help", "is skeptical the plan would work")
/// is not a fact. The cue sets are English (<c>cues-en.txt</c>); a language without them reads every clause as reported.
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
        var attitudes = sentence.Cues.Set("attitude-words");
        if (attitudes.Count == 0) return false;
        var w = sentence.Tokens;
        var modals = sentence.Cues.Set("irrealis-modals");
        var sawModal = false;
        for (var k = verb.First - 1; k >= 0; k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StopBefore(k + 1)) return false;
            var word = w[k].Lower;
            sawModal |= modals.Contains(word);
            if (attitudes.Contains(word) && sentence.InActor[k] < 0)
            {
                return (sawModal || (k + 1 < verb.First && w[k + 1].Lower == "that")) && !sentence.HasSpeechBetween(k + 1, verb.First);
            }

            // "fears grew after Russia attacked": another clause word ends what an attitude can govern.
            if (word != "that" && sentence.Cues.ClauseBoundaries.Contains(word)) return false;
        }

        return false;
    }
}
