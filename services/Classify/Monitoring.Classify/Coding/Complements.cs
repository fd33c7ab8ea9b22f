using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5c: what a governing verb makes of the clause it governs, and of the words around a participle. An
/// allegation ("X alleged that Y …", "X claimed that Y had attacked Z") is X accusing Y; the conflict it alleges is
/// not reported as done. A wish of someone else ("X wants Y to …") is an appeal to Y. A participle right after a noun
/// and before a preposition ("the journalists jailed last year", "officials accused of …") is a reduced relative
/// clause: passive, its noun the target.
/// </summary>
internal static class Complements
{
    /// <summary>"the journalists jailed last year by …": a participle after a noun, no auxiliary, no object after it.</summary>
    public static bool IsReducedRelative(Sentence sentence, Trigger verb)
    {
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        var followers = cues.Set("reduced-relative-followers");
        if (followers.Count == 0 || !verb.IsParticiple || verb.IsNoun || verb.First == 0 || sentence.Triggers.Count < 2) return false;
        if (Clauses.SkipBack(sentence, verb.First) != verb.First || sentence.CommaBefore(verb.First)) return false;
        var before = w[verb.First - 1].Lower;
        if (sentence.InActor[verb.First - 1] < 0 && (w[verb.First - 1].Capitalized || cues.Pronouns.Contains(before) || cues.ClauseBoundaries.Contains(before)
            || cues.Conjunctions.Contains(before) || cues.NounMarkers.Contains(before) || !char.IsLetter(before[0]))) return false;
        var next = verb.End;
        if (next < w.Count && !sentence.CommaBefore(next) && !followers.Contains(w[next].Lower)) return false;

        // Only where its noun cannot be the clause's subject: the object of a verb before it ("issued warrants for two
        // men sought in …"), or a subject whose own verb follows ("The civilians imprisoned for … were released").
        var regionStart = Clauses.SubjectRegionStart(sentence, verb);
        if (regionStart > 0 && sentence.EndsTrigger(regionStart, except: verb)) return true;
        // "There were ten soldiers killed in …": an existential clause.
        if (regionStart + 1 < verb.First && w[regionStart].Lower == "there" && cues.BeForms.Contains(w[regionStart + 1].Lower)) return true;
        var following = sentence.TriggerFrom(verb.End);
        // "ministers met in Lima to discuss …": an infinitive is what the verb is for, not the clause's own verb.
        if (following is not null && Clauses.HasBefore(sentence, following.First, "to")) return false;
        var plain = true;
        for (var k = verb.End; k < (following?.First ?? w.Count); k++)
        {
            if (cues.BeForms.Contains(w[k].Lower) || cues.Set("scheduled-modals").Contains(w[k].Lower)) return true;
            plain &= !sentence.CommaBefore(k) && !cues.ClauseBoundaries.Contains(w[k].Lower) && !cues.Conjunctions.Contains(w[k].Lower);
        }

        // "A report released Tuesday in the capital alleged …": the clause's own verb follows.
        return following is not null && plain && !sentence.CommaBefore(following.First);
    }

    /// <summary>The actor group a reduced relative clause describes: the one that ends at most two words before it.</summary>
    public static List<ActorMention>? Described(Sentence sentence, Trigger verb)
    {
        for (var k = verb.First - 1; k >= Math.Max(0, verb.First - 3); k--)
        {
            if (sentence.InActor[k] >= 0) return ActorGroups.Last(sentence, Math.Max(0, k - 8), k + 1);
            if (sentence.Tokens[k].Capitalized || sentence.CommaBefore(k + 1)) return null;
        }

        return null;
    }

    /// <summary>"… the group that has seized …", "…, which attacked …": a clause opened by a relative word, with no subject of its own.</summary>
    public static bool IsRelative(Sentence sentence, int regionStart, int verbFirst)
    {
        var w = sentence.Tokens;
        // "the World Health Organization (WHO)": an actor's name spelled like a relative word is no relative word.
        if (regionStart < 2 || !sentence.Cues.Set("relative-words").Contains(w[regionStart - 1].Lower) || (w[regionStart - 1].Capitalized && !sentence.IsHeadline)) return false;

        // "said that …", "agreed that …": after a verb, "that" opens what is said, not a relative clause.
        if (sentence.EndsTrigger(regionStart - 1, except: null) || sentence.Cues.Set("relative-words").Contains(w[regionStart - 2].Lower)) return false;
        for (var k = regionStart; k < verbFirst; k++)
        {
            if (!sentence.Cues.Auxiliaries.Contains(w[k].Lower) && !TriggerFinder.IsAdverb(w[k].Lower)) return false;
        }

        return true;
    }

    /// <summary>The actor right before a relative word ("Hamas, which …"), or none: then the side is unnamed, not the speaker.</summary>
    public static List<ActorMention>? Antecedent(Sentence sentence, int regionStart)
    {
        var k = regionStart - 2;
        return k >= 0 && sentence.InActor[k] >= 0 ? ActorGroups.Last(sentence, Math.Max(0, k - 8), k + 1) : null;
    }

    /// <summary>"helped to plan", "contributed to planning": helping to do something is not aid; what is done is the event.</summary>
    public static bool HelpsToDo(Sentence sentence, Trigger verb)
    {
        var w = sentence.Tokens;
        if (verb.End + 1 >= w.Count || w[verb.End].Lower != "to" || !sentence.Cues.Set("helping-words").Contains(w[verb.First].Lower)) return false;
        var next = w[verb.End + 1].Lower;
        return sentence.InActor[verb.End + 1] < 0 && (next.EndsWith("ing", StringComparison.Ordinal) || sentence.StartsTrigger(verb.End + 1)
            || !(sentence.Cues.NounMarkers.Contains(next) || char.IsDigit(next[0])) && sentence.Cues.Set("helping-words").Contains(w[verb.First].Lower) && w[verb.First].Lower.StartsWith("help", StringComparison.Ordinal));
    }

    /// <summary>"gave a speech", "delivered an address": what is given is words, not aid.</summary>
    public static bool GivesStatement(Sentence sentence, Trigger verb, string code)
    {
        if (code.Length < 2 || CameoRoot.Of(code) is not ("06" or "07")) return false;
        var w = sentence.Tokens;
        var words = sentence.Cues.Set("statement-objects");
        for (var k = verb.ObjectStart; k < Math.Min(w.Count, verb.ObjectStart + 3) && sentence.InActor[k] < 0; k++)
        {
            if (words.Contains(w[k].Lower)) return true;
        }

        return false;
    }

    /// <summary>"met the deadline", "meet its export targets": a verb of meeting whose object is a goal meets no one.</summary>
    public static bool MeetsGoal(Sentence sentence, Trigger verb)
    {
        var w = sentence.Tokens;
        var goals = sentence.Cues.Set("goal-objects");
        if (goals.Count == 0 || !sentence.Cues.Set("goal-verbs").Contains(w[verb.First].Lower)) return false;
        var breakers = sentence.Cues.Set("goal-breakers");
        for (var k = verb.End; k < Math.Min(w.Count, verb.End + 5) && sentence.InActor[k] < 0 && !sentence.CommaBefore(k) && !breakers.Contains(w[k].Lower); k++)
        {
            if (goals.Contains(w[k].Lower)) return true;
        }

        return false;
    }

    /// <summary>"Germany wants Italy to sanction Iran": an actor between the wish and its infinitive is whom it is asked of.</summary>
    public static bool WishedOfOther(Sentence sentence, Trigger governing, Trigger verb)
    {
        if (!sentence.Cues.Set("appeal-lemmas").Contains(governing.Entry.Lemma)) return false;
        for (var k = governing.End; k < verb.First; k++)
        {
            if (sentence.InActor[k] >= 0) return true;
        }

        return false;
    }

    /// <summary>The wish coded as an appeal (020) to whom it is asked of, in place of the intent the verb's default gave.</summary>
    public static void Appeal(Sentence sentence, Trigger governing, List<CodedEvent> events, CameoCodebook codebook)
    {
        if (codebook.Find("020") is not { } appeal) return;
        var at = sentence.Tokens[governing.First].Start;
        for (var i = events.Count - 1; i >= 0 && events[i].SentenceStart == sentence.Start; i--)
        {
            var e = events[i];
            if (e.TriggerStart == at && e.Root == "03") events[i] = e with { Cameo = appeal.Code, Root = appeal.Root, QuadClass = appeal.QuadClass, Goldstein = appeal.Goldstein };
        }
    }

    /// <summary>
    /// "A report … alleged that France was aware of …" (110), "The US claimed that ISIL had attacked Iraq" (112): the
    /// speaker accuses the complement's subject; the conflict alleged (and anything an allegation alleges) is not coded as
    /// done. A claim of one's own act (015) stays what it is.
    /// </summary>
    public static void Allegations(Sentence sentence, List<CodedEvent> events, CameoCodebook codebook)
    {
        var codes = sentence.Cues.Map("allegation-codes");
        if (codes.Count == 0) return;
        var w = sentence.Tokens;
        foreach (var verb in sentence.Triggers)
        {
            if (!codes.TryGetValue(verb.Entry.Lemma, out var code) || verb.Negated || verb.End >= sentence.Tokens.Count || codebook.Find(code) is not { } meaning) continue;
            Allege(sentence, verb, meaning, events);
        }
    }

    private static void Allege(Sentence sentence, Trigger verb, CameoCode meaning, List<CodedEvent> events)
    {
        var w = sentence.Tokens;
        var accuser = ActorGroups.Last(sentence, Clauses.SubjectRegionStart(sentence, verb), verb.First);
        if (accuser is null) return;
        var from = w[verb.End].Start;
        var next = sentence.Triggers.Find(t => t.Kind == TriggerKind.Speech && t.First >= verb.End);
        var to = next is null ? sentence.End : w[next.First].Start;
        bool InComplement(CodedEvent e) => e.SentenceStart == sentence.Start && e.TriggerStart >= from && e.TriggerStart < to;
        var alleged = events.FindAll(e => InComplement(e) && e.Root is "14" or "15" or "17" or "18" or "19" or "20");
        List<ActorMention>? accused = alleged.Count > 0
            ? alleged.Where(e => e.Source.Code != CodedEvents.UnknownCode).Select(e => Mention(e.Source)).ToList()
            : verb.Kind == TriggerKind.Event ? ActorGroups.First(sentence, verb.End, Math.Min(w.Count, verb.End + 8)) : null;
        if (accused is not { Count: > 0 } || accused.TrueForAll(a => accuser.Exists(s => s.Code == a.Code))) return;

        // "alleged that the French military … took part": nothing an allegation alleges is reported as done; what a
        // claim (a reporting verb) says is, unless it is the conflict it accuses someone of.
        events.RemoveAll(e => InComplement(e) && (verb.Kind == TriggerKind.Event || alleged.Contains(e)));
        foreach (var (source, target) in EventPairs.Pairs(accuser, accused))
        {
            if (source.Code == target.Code || EventPairs.AlreadyCoded(events, sentence.Start, meaning.Code, source, target)) continue;
            events.Add(CodedEvents.Create(sentence, meaning, source, target, verb.First, verb.End, CodedEvents.PatternBasis));
        }
    }

    private static ActorMention Mention(EventActor actor) => new(actor.Start, actor.End, actor.Text, actor.Code, actor.Sector, actor.Cameo);
}
