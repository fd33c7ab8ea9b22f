using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5: each trigger of a sentence with its arguments and code becomes events. Reported speech gives the speaker
/// as the default source; a denial voids what follows; "agreed to cooperate" codes the complement (intended), a threat
/// verb the threat of its complement; coordinated verbs share their subject; a passive verb takes its agent as the
/// source; a compound subject with no one else in the clause acts on itself, both directions.
/// </summary>
internal sealed class SentenceCoder(CameoCodebook codebook)
{
    public void Code(Sentence sentence, List<CodedEvent> events)
    {
        // "Will Russia attack Georgia?": a yes/no question reports nothing.
        if (sentence.Triggers.Count == 0 || Mood.IsYesNoQuestion(sentence)) return;
        var w = sentence.Tokens;
        var cues = sentence.Cues;
        var found = sentence.Triggers;
        var speaker = Subjects.Speaker(sentence);
        var denialFrom = found.Find(f => f.Kind == TriggerKind.Denial)?.First ?? int.MaxValue;
        var first = events.Count;
        List<int>? background = null;

        List<ActorMention>? previousSubject = null;
        Trigger? previous = null;
        for (var v = 0; v < found.Count; v++)
        {
            var verb = found[v];
            if (verb.Kind != TriggerKind.Event || verb.First > denialFrom)
            {
                if (verb.Kind == TriggerKind.Speech) previous = null;
                continue;
            }

            var before = Clauses.SkipBack(sentence, verb.First);
            var infinitive = verb.First > 0 && Clauses.HasBefore(sentence, verb.First, "to");
            var negated = Clauses.IsNegated(sentence, verb.First);
            var intent = Clauses.IsIntent(sentence, verb.First);

            // "rejected a call to release …", "told Uganda to withdraw": what is asked of someone is not done.
            if (infinitive && (Mood.IsAskedByNoun(sentence, verb) || Mood.Told(sentence, verb, events, codebook, previousSubject))) continue;

            // "agreed to cooperate", "is ready to work with": the complement is the event, and intended.
            // "attacked X to punish Y": the purpose of an event is not one.
            var inheritsSubject = false;
            var governedByNoun = false;
            var threat = false;
            int? supersededAt = null;
            if (infinitive && previous is not null && previous.End <= verb.First)
            {
                if (previous.Negated || before > previous.End)
                {
                    // "Germany wants Italy to sanction Iran": an appeal to Italy, not Germany's sanction.
                    if (!previous.Negated && Complements.WishedOfOther(sentence, previous, verb)) Complements.Appeal(sentence, previous, events, codebook);
                    continue;
                }

                if (!cues.IntentLemmas.Contains(previous.Entry.Lemma) && previous.Coded) continue;

                // "threatened to retaliate against X": a threat (13x) toward X, not the retaliation itself.
                threat = previous.Entry.Code is { } governing && governing.StartsWith("13", StringComparison.Ordinal);
                intent |= !threat && !cues.AspectLemmas.Contains(previous.Entry.Lemma) && !Clauses.IsPreparing(sentence, verb.First);
                supersededAt = w[previous.First].Start;
                (inheritsSubject, governedByNoun) = (true, previous.IsNoun);
            }

            // "Kigali hoped French officials would be indicted", "pidió una negociación": what is only wished for or asked did not happen; "the body was found
            // with bullet wounds": the state of what was found is no act.
            if (Mood.IsWished(sentence, verb) || Mood.IsUnrealisedObject(sentence, verb) || FoundState.Describes(sentence, verb)) continue;

            verb.Negated = negated;
            // "might want": a possibility, and what it governs, is not reported as done; nor is what only dates another
            // event, nor what a condition ("if …", "unless …") supposes.
            if (Background.IsPossibility(sentence, verb.First) || Background.IsTimeAnchor(sentence, verb.First) || Background.IsCondition(sentence, verb.First))
            {
                (verb.Negated, previous) = (true, verb);
                continue;
            }

            // "would not provide support", "refused to lift the ban": a cooperation not given is a rejection.
            var rejected = negated && verb.Kind == TriggerKind.Event;
            var passive = false;
            for (var k = before; k < verb.First && verb.IsParticiple; k++) passive |= sentence.Is(k, WordClass.BeForm);
            var reduced = !passive && Complements.IsReducedRelative(sentence, verb);
            passive |= reduced;
            var coordinated = previous is not null && before > 0
                && ((w[before - 1].Lower is "and" or "or" or "but" or "then" && sentence.InActor[before - 1] < 0) || sentence.CommaBefore(before));

            List<ActorMention>? subject;
            var bySpeaker = false;
            var subjectAfter = false;
            List<ActorMention>? causeDoer = null;
            if (verb.ActorIsSubject)
            {
                subject = [.. sentence.Slots[sentence.InActor[verb.First]].Mentions];
            }
            else if (coordinated || (inheritsSubject && previousSubject is not null))
            {
                subject = previousSubject;
            }
            else
            {
                // An event noun's doer stands right before it ("Israeli air strikes", "Russia's attack"), not anywhere in the clause.
                var regionStart = verb.IsNoun && sentence.Language.HasVerbDictionary ? Subjects.NounDoerStart(sentence, verb) : Clauses.SubjectRegionStart(sentence, verb);
                var afterVerb = regionStart > 0 && sentence.EndsTrigger(regionStart, except: null);
                subject = afterVerb ? ActorGroups.Last(sentence, regionStart, verb.First) : ActorGroups.First(sentence, regionStart, verb.First);
                if (subject is null && Complements.IsRelative(sentence, regionStart, verb.First))
                {
                    // "the militant group that has seized …": the relative clause's subject is what it describes.
                    subject = Complements.Antecedent(sentence, regionStart);
                }
                else if (subject is null && !(verb.IsNoun && sentence.Language.HasVerbDictionary) && Clauses.IsBareSubject(sentence, regionStart, verb.First))
                {
                    bySpeaker = speaker is not null;
                    subject = speaker ?? Subjects.Antecedent(sentence, regionStart, verb.First);
                }
                if (subject is null && !verb.IsNoun) subject = Subjects.Introduced(sentence, verb);
                if (NounDoers.Applies(sentence, verb)) subject = NounDoers.Doer(sentence, verb, subject, previousSubject);
                if (subject is null && Subjects.SubjectAfter(sentence, verb) is { } after) (subject, subjectAfter) = (after, true);
            }

            // "ثلاثة جنود قتلوا وأصيب آخرون", "تعرضت القوات لهجوم": the unmarked passive; the subject is the victim.
            if (!passive && UndergoneVerbs.Undergoable(verb.Lexicon?.Code ?? verb.Code) && !verb.ActorIsSubject)
            {
                if (UndergoneVerbs.IsUndergone(sentence, verb, subjectBefore: subject is not null && !subjectAfter, out var cause))
                {
                    passive = true;
                    causeDoer = cause is { } by && sentence.Cues.Set("options").Contains("doer-after-noun") ? NounDoers.Doer(sentence, by.First, by.End, null, null) : null;
                    if (bySpeaker || subjectAfter || subject is null) subject = Subjects.SubjectAfter(sentence, verb, victims: true);
                }
                else passive = UndergoneVerbs.FollowsUndergoVerb(sentence, verb) && !bySpeaker && subject is not null;
            }

            if (reduced) subject = Complements.Described(sentence, verb);
            previous = verb;
            previousSubject = subject;

            var objectEnd = Clauses.ObjectRegionEnd(sentence, v);
            var (code, patternEnd, byPattern, converse) = verb.FromDictionary ? CodeChooser.Choose(sentence, verb, objectEnd, passive) : (null, verb.End, false, false);
            verb.Code = code;
            var lexical = verb.Lexicon?.Code;
            if ((code is null && lexical is null) || Complements.HelpsToDo(sentence, verb) || Complements.GivesStatement(sentence, verb, code ?? lexical!)
                || Complements.MeetsGoal(sentence, verb)) continue;

            var agent = converse ? ActorGroups.Agent(sentence, verb.End, objectEnd, cues.Set("converse-prepositions"))
                : passive ? ActorGroups.Agent(sentence, verb.End, objectEnd) ?? causeDoer : null;
            // "such a step enjoyed support from Moscow": a converse verb needs someone to undergo it.
            if (converse && subject is null) continue;
            passive |= converse;

            // A visit's place is its target ("arrived in Washington for a state visit"), and so is a protest's when it
            // names no other ("protested in Beijing"); elsewhere a place is only where.
            var likely = code ?? lexical!;
            var likelyRoot = CameoRoot.Of(likely);
            var target = passive ? null : ActorGroups.Target(sentence, verb.ObjectStart, objectEnd, subject ?? [], placeIsTarget: likely is "042" or "043",
                opposing: string.CompareOrdinal(likelyRoot, "09") >= 0, sending: likelyRoot is "06" or "07" or "15");
            if (target is null && !passive && (likely.StartsWith("14", StringComparison.Ordinal) || Subjects.IsViolent(likely)))
            {
                // A protest is against the authorities of where it happens or of the one country the sentence names;
                // an attack hits where it happens (read by the lexicon alone, as in Arabic: the one country named).
                // "تظاهروا في لندن ضد الحرب الأميركية": an actor named after the place is the target, not the place.
                target = ActorGroups.Target(sentence, verb.ObjectStart, objectEnd, subject ?? [])
                    ?? ActorGroups.Target(sentence, verb.ObjectStart, objectEnd, subject ?? [], placeIsTarget: true)
                    ?? (likely.StartsWith("14", StringComparison.Ordinal) || !sentence.Language.HasVerbDictionary
                        ? (ActorGroups.Place(sentence) is { } where && !EventPairs.HasCode(subject, where.Code) ? [where] : ActorGroups.OnlyCountry(sentence, subject))
                        : null);
            }
            else if (target is null && !passive && subject is not null && EventPairs.DistinctCodes(subject) < 2 && cues.Set("place-target-roots").Contains(likelyRoot))
            {
                // "will attend a summit in Switzerland", "is conducting military exercises in Alaska": where it is held.
                target = ActorGroups.Target(sentence, verb.ObjectStart, objectEnd, subject, placeIsTarget: true);
            }

            // "the report released Tuesday": a reduced relative that names no one did nothing to anyone.
            if (reduced && subject is null && agent is null) continue;

            // Compound subjects act on each other when the clause names no one else ("China and Russia met"), in
            // cooperation or a mutual fight ("clashed"); protesters or attackers named together act together.
            var clauseFrom = passive ? Clauses.SubjectRegionStart(sentence, verb) : verb.End;
            var mutual = cues.ReciprocalRoots.Contains(likelyRoot) || cues.MutualWords.Contains(w[verb.End - 1].Lower);
            var reciprocal = mutual && (passive ? agent is null : target is null) && subject is not null && EventPairs.DistinctCodes(subject) >= 2
                && !ActorGroups.HasOther(sentence, clauseFrom, objectEnd, subject);

            // A noun names an event only with someone doing it or undergoing it ("Israeli air strikes on Gaza").
            // So does what a noun governs ("an initial threat to boycott the games").
            var nounLed = verb.IsNoun || governedByNoun;
            if (nounLed && sentence.Language.HasVerbDictionary && subject is null && target is null && agent is null) continue;

            // A verb coded by its default alone needs its target as its object ("attacked Georgia", "met with
            // Putin"), not somewhere further in the clause; otherwise the trigger lexicon codes it at root level.
            var trusted = byPattern || reciprocal || (verb.Entry.HasOwnCode && verb.FromDictionary)
                || (passive ? agent is not null : target is not null && Clauses.DirectObjectEnd(sentence, verb.End, objectEnd) > verb.End);
            // "was determined to mend ties", "aimed at", "two men sought in …": a verb's bare intent to cooperate (030)
            // with no one to cooperate with, or no one who intends it, is no event.
            if (code == verb.Entry.Code && code is "030" && !byPattern && !reciprocal && (passive ? agent is null : target is null)
                && !cues.Set("commitment-lemmas").Contains(verb.Entry.Lemma)) trusted = false;
            // "dispersed the protesters": a verb the dictionary codes only by its block's default (DISPERSE under
            // CIRCULATE, 010) gives way to the trigger lexicon's own code for the word where their roots differ; a
            // statement or appeal keeps the dictionary's reading ("hoped Chile would …" appeals to Chile).
            if (trusted && !byPattern && !verb.Entry.HasOwnCode && lexical is not null && code is not null && CameoRoot.Of(lexical) != CameoRoot.Of(code)
                && CameoRoot.Of(lexical) is not ("01" or "02")) trusted = false;
            string basis;
            if (code is not null && trusted) basis = CodedEvents.PatternBasis;
            else if (lexical is not null) (code, basis, patternEnd) = (lexical, CodedEvents.TriggerBasis, verb.ObjectStart);
            else continue;

            // "will meet" is a meeting scheduled; "will protest", "will attack" a conflict announced, a threat.
            intent |= CameoRoot.Of(code) is "14" or "16" or "17" or "18" or "19" or "20" && Clauses.IsScheduled(sentence, verb.First);
            code = threat ? CodeRefiner.Threat(code) : CodeRefiner.Refine(sentence, code, clauseFrom, objectEnd, intent);
            if (rejected)
            {
                if (CodeRefiner.Rejection(code) is not { } rejection) continue;
                code = rejection;
            }
            code = CodeRefiner.ForActors(sentence, verb, code, passive ? agent : subject);

            // "X claimed that they had attacked Y" claims responsibility (015); "X said that Y must …" demands it of Y (100).
            if (!passive && SpeechBefore(found, verb) is { } speech)
            {
                if (bySpeaker && Subjects.IsViolent(code) && cues.Set("claim-lemmas").Contains(speech.Entry.Lemma)) code = "015";
                else if (speaker is not null && subject is not null && HasWordBetween(sentence, cues.Set("obligation-modals"), before, verb.First)
                    && !EventPairs.ShareCode(subject, speaker)) (code, subject, target) = ("100", speaker, subject);
            }

            var meaning = codebook.Find(code);
            if (meaning is null) continue;

            // "protesters in Athens", "children killed in Gaza": people the sentence gives no country are of the place it names.
            if (ActorGroups.PlaceCountry(sentence) is { } place)
            {
                subject = Subjects.Located(subject, place);
                target = Subjects.Located(target, place);
                agent = Subjects.Located(agent, place);
            }

            var triggerEnd = Math.Max(verb.End, patternEnd);
            var added = events.Count;
            if (reciprocal)
            {
                // Each toward the other (EventPairs.Reciprocal), without an enumerator.
                for (var i = 0; i < subject!.Count; i++)
                {
                    for (var j = 0; j < subject.Count; j++)
                    {
                        if (i != j && subject[i].Code != subject[j].Code) AddPair(events, sentence, verb, meaning, subject[i], subject[j], triggerEnd, basis);
                    }
                }
            }
            else
            {
                // Every source with every target (EventPairs.Pairs); a side not named is one unknown actor at the trigger.
                var (sources, targets) = passive ? (agent, subject) : (subject, target);
                var unknown = sources is null || targets is null ? EventPairs.UnknownMention(sentence, verb) : null;
                for (var i = 0; i < (sources?.Count ?? 1); i++)
                {
                    for (var j = 0; j < (targets?.Count ?? 1); j++) AddPair(events, sentence, verb, meaning, sources?[i] ?? unknown!, targets?[j] ?? unknown!, triggerEnd, basis);
                }
            }

            // "agreed to cooperate": the complement's event replaces the governing verb's, when it has one.
            if (supersededAt is { } at && events.Count > added) RemoveTrigger(events, sentence.Start, at);
            // "Kenya freed a journalist jailed last year": a reduced relative after the sentence's first event, naming no
            // one who did it, describes its noun.
            var describes = reduced && agent is null && added > first && events[first].TriggerStart < w[verb.First].Start;
            if (events.Count > added && (describes || Background.IsBackground(sentence, verb))) (background ??= []).Add(w[verb.First].Start);
        }

        Complements.Allegations(sentence, events, codebook);
        if (background is not null) Background.Drop(events, first, background);
    }

    private static void AddPair(List<CodedEvent> events, Sentence sentence, Trigger verb, CameoCode meaning, ActorMention source, ActorMention target, int triggerEnd, string basis)
    {
        verb.Coded = true;
        if (source.Code == target.Code && source.Sector == target.Sector && source.Code != CodedEvents.UnknownCode) return;
        if (EventPairs.AlreadyCoded(events, sentence.Start, meaning.Code, source, target)) return;
        events.Add(CodedEvents.Create(sentence, meaning, source, target, verb.First, triggerEnd, basis));
    }

    private static void RemoveTrigger(List<CodedEvent> events, int sentenceStart, int triggerStart) =>
        events.RemoveAll(e => e.SentenceStart == sentenceStart && e.TriggerStart == triggerStart);

    private static Trigger? SpeechBefore(List<Trigger> found, Trigger verb) => found.FindLast(f => f.Kind == TriggerKind.Speech && f.End <= verb.First);

    private static bool HasWordBetween(Sentence sentence, HashSet<string> words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (words.Contains(sentence.Tokens[k].Lower)) return true;
        }

        return false;
    }
}
