using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 3c: who a trigger's subject is when the clause does not say it plainly — the speaker of reported speech, the
/// antecedent of a pronoun, the doer right before an event noun, the subject after the verb (verb–subject order), the
/// country of the place for people the sentence gives none.
/// </summary>
internal static class Subjects
{
    /// <summary>Verb–subject order ("تظاهر آلاف الإسرائيليين", "murieron dos soldados"): the group right after the verb, unless an object marker ("a") stands before it.</summary>
    public static List<ActorMention>? SubjectAfter(Sentence sentence, Trigger verb, bool victims = false)
    {
        var cues = sentence.Cues;

        // "مقتل عشرة أشخاص", "the killing of ten people": after an event noun stands who underwent it.
        if (!cues.SubjectAfterVerb || verb.IsNoun || (verb.Lexicon is { IsNoun: true } && !verb.FromDictionary)) return null;
        var w = sentence.Tokens;

        // Quantities and the partitive "من" do not count: "تظاهر أمس عشرات من أعضاء الحزب" (tens of the party's members).
        var words = 0;
        for (var k = verb.ObjectStart; k < w.Count && words < 4; k++)
        {
            if (sentence.InActor[k] < 0)
            {
                if (sentence.StartsTrigger(k) || cues.ClauseBoundaries.Contains(w[k].Lower) || cues.ObjectMarkers.Contains(w[k].Lower)) return null;
                if (!sentence.ShapeIn(k, cues.Set("partitive-words"))) words++;
                continue;
            }

            var slot = sentence.Slots[sentence.InActor[k]];
            if (ActorGroups.IsPlace(sentence, slot)) return null;

            // "قتل 18 شخصا": after a verb of violence, unarmed people are its victims (the unmarked passive), armed men its agents.
            // Verbs one does only to a place or a foe ("هاجم", "اقتحم": attacked, stormed) have their doer after them, armed or not.
            if (!victims && IsViolent(verb.Lexicon?.Code ?? verb.Code) && !sentence.ShapeIn(verb.End - 1, cues.MutualWords) && !sentence.ShapeIn(verb.First, cues.Set("agent-after-verbs"))
                && !slot.Mentions.Exists(m => m.Sector is "MIL" or "UAF" or "REB" or "COP" or "SPY")) return null;
            return ActorGroups.First(sentence, k, Math.Min(w.Count, k + 12));
        }

        return null;
    }

    public static List<ActorMention>? Located(List<ActorMention>? group, string country) =>
        group?.ConvertAll(m => m.Code == CodedEvents.UnknownCode && m.Sector is not null ? m with { Code = country } : m);

    public static int NounDoerStart(Sentence sentence, Trigger noun)
    {
        var k = noun.First;
        while (k > 0 && noun.First - k < 3 && sentence.InActor[k - 1] < 0 && !sentence.Cues.NounMarkers.Contains(sentence.Tokens[k - 1].Lower) && !sentence.CommaBefore(k)) k--;
        if (k == 0 || sentence.InActor[k - 1] < 0) return noun.First;
        return sentence.Slots[sentence.InActor[k - 1]].First;
    }

    /// <summary>"After meeting Putin in Moscow, the Chinese president …": an introductory participle's subject is the main clause's.</summary>
    public static List<ActorMention>? Introduced(Sentence sentence, Trigger verb)
    {
        var w = sentence.Tokens;
        var opened = verb.First == 0 || (verb.First == 1 && sentence.Cues.Set("introductory-words").Contains(w[0].Lower));
        if (!opened || !(w[verb.First].Lower.EndsWith("ing", StringComparison.Ordinal) || verb.IsParticiple)) return null;
        for (var k = verb.End; k < w.Count; k++)
        {
            if (!sentence.CommaBefore(k)) continue;
            var next = sentence.TriggerFrom(k);
            return next is null ? null : ActorGroups.First(sentence, k, next.First);
        }

        return null;
    }

    /// <summary>"It said …", "They attacked …": a pronoun subject stands for the last source the article named.</summary>
    public static List<ActorMention>? Antecedent(Sentence sentence, int from, int to)
    {
        if (sentence.PreviousSources is not { Count: > 0 } previous) return null;
        for (var k = from; k < to; k++)
        {
            var token = sentence.Tokens[k];
            if (!sentence.Cues.Pronouns.Contains(token.Lower)) continue;
            var word = sentence.Text.Substring(token.Start, token.Length);
            return previous.ConvertAll(p => p with { Start = token.Start, End = token.End, Text = word });
        }

        return null;
    }

    public static bool IsViolent(string? code) => code is { Length: >= 2 } && CameoRoot.Of(code) is "17" or "18" or "19" or "20";

    /// <summary>The speaker of a sentence ("X said", "according to X") is the default source of its clauses that name none.</summary>
    public static List<ActorMention>? Speaker(Sentence sentence)
    {
        foreach (var verb in sentence.Triggers)
        {
            if (verb.Kind != TriggerKind.Speech) continue;
            var region = Clauses.SubjectRegionStart(sentence, verb);
            var group = ActorGroups.Last(sentence, region, verb.First) ?? ActorGroups.First(sentence, verb.End, Math.Min(sentence.Tokens.Count, verb.End + 3));
            if (group is not null) return group;
        }

        return null;
    }
}
