using Monitoring.Classify.Text;
using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Codes who did what to whom, sentence by sentence, with the CAMEO verb patterns and no parser: a verb is found
/// by its forms (and told from a noun by the word before it), its subject is the actor named before it in its
/// clause, its target the first actor after it, and the patterns after the verb refine the code. On top:
/// compound actors ("China and Russia agreed" codes both directions), passive voice ("was attacked by"),
/// reported speech ("X said that …": X is the source unless the clause names one), negation ("did not meet",
/// "denied that they met": no event), intent ("will meet", "is ready to cooperate": 03x), and several verbs per
/// sentence. When in doubt it codes nothing: an event needs a verb, a source and a target.
/// </summary>
public sealed class EventCoder(CameoVerbDictionary verbs, CameoCodebook codebook, IActorFinder actors)
{
    private const int MaxObjectWords = 30;
    private const int MaxPatternGap = 6;

    private static readonly HashSet<string> NounMarkers = Set(
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those", "of", "for", "in", "on", "at",
        "with", "from", "into", "any", "no", "every", "each", "some", "such", "new", "first", "last", "next", "recent", "joint", "further",
        "bilateral", "annual", "regular", "strategic", "diplomatic", "military", "political", "economic", "formal", "official", "high-level",
        "whose", "two", "three", "several", "many", "more", "most", "other", "another", "possible", "major", "upcoming", "planned", "by");

    private static readonly HashSet<string> BeForms = Set("is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets");

    private static readonly HashSet<string> Auxiliaries = Set(
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "do", "does", "did", "to", "also", "further", "jointly", "together", "already", "again", "still", "then", "now",
        "about", "just", "recently", "reportedly", "allegedly", "formally", "officially", "finally", "immediately", "later", "earlier", "often");

    private static readonly HashSet<string> ClauseBoundaries = Set(
        "that", "which", "who", "whom", "whose", "while", "whereas", "but", "after", "before", "when", "because", "although", "though", "if",
        "since", "until", "unless", "whether", "where", "amid", "despite");

    private static readonly HashSet<string> Negations = Set("not", "never", "cannot", "neither", "nor", "no");

    private static readonly HashSet<string> IntentModals = Set("will", "would", "shall", "'ll");

    /// <summary>"is ready to …", "plans to …": what follows is intended, not done.</summary>
    private static readonly HashSet<string> IntentWords = Set(
        "willing", "ready", "prepared", "eager", "determined", "keen", "set", "going", "plans", "plan", "planned", "planning", "intends",
        "intend", "intended", "expected", "hopes", "hope", "hoped", "wants", "want", "wanted", "seeks", "seek", "sought", "aims", "aim",
        "agreed", "agree", "agrees", "pledged", "pledge", "pledges", "promised", "promise", "promises", "vowed", "vow", "vows", "decided",
        "decide", "offered", "offer", "offers", "committed", "resolved", "wish", "wishes", "wished", "is", "are");

    /// <summary>Verbs whose infinitive complement carries the event: "agreed to cooperate" is intent to cooperate.</summary>
    private static readonly HashSet<string> IntentLemmas = Set(
        "AGREE", "PLEDGE", "PROMISE", "VOW", "DECIDE", "PLAN", "INTEND", "HOPE", "WANT", "SEEK", "OFFER", "PREPARE", "AIM", "EXPECT",
        "RESOLVE", "COMMIT", "UNDERTAKE", "WISH", "READY", "CONTINUE", "BEGIN", "START", "TRY", "ATTEMPT", "MOVE", "WORK", "STRIVE", "CHOOSE");

    /// <summary>Reporting verbs: they name the speaker, they are not events themselves.</summary>
    private static readonly HashSet<string> SpeechLemmas = Set(
        "SAY", "TELL", "ADD", "STATE", "NOTE", "STRESS", "REPORT", "CLAIM", "INSIST", "EMPHASIZE", "EMPHASISE", "ANNOUNCE", "EXPLAIN",
        "REMARK", "MENTION", "INFORM", "DECLARE", "BELIEVE", "THINK", "WRITE", "QUOTE", "POINT_OUT", "REITERATE", "ASSERT", "CONFIRM", "UNDERLINE");

    /// <summary>Verbs that deny what their complement says: "denied that they met" is no meeting.</summary>
    private static readonly HashSet<string> DenialLemmas = Set("DENY", "REFUTE", "DISMISS", "REJECT");

    private static readonly HashSet<string> LocationPrepositions = Set("in", "near", "inside", "throughout", "across", "within", "outside");

    private static readonly HashSet<string> Conjunctions = Set("and", "or", "as well as", "together with");

    private static readonly HashSet<string> ObjectLeaders = Set(
        "the", "a", "an", "with", "to", "on", "against", "at", "into", "for", "from", "toward", "towards", "upon", "over", "off", "up", "down",
        "out", "back", "counterparts", "counterpart", "officials", "leaders", "of", "its", "their", "his", "her",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several", "some",
        "more", "fresh", "new", "further");

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create(",;:()\"”");

    /// <summary>Plural and collective subjects that often stand right before a verb without being actors themselves.</summary>
    private static readonly HashSet<string> SubjectNouns = Set(
        "countries", "sides", "nations", "states", "governments", "parties", "members", "delegations", "counterparts", "neighbours", "neighbors",
        "allies", "partners", "people", "groups", "crowds", "protesters", "demonstrators", "militants", "gunmen", "fighters", "agency", "agencies",
        "departments", "ministries", "states", "powers", "both", "each", "all", "team", "teams", "man", "woman", "men", "women",
        "forces", "troops", "soldiers", "jets", "warplanes", "aircraft", "drones", "warships", "ships", "vessels", "authorities",
        "officials", "diplomats", "citizens", "nationals", "students", "activists", "hackers", "rebels", "security");

    private static readonly HashSet<string> Pronouns = Set("it", "they", "he", "she", "we", "i");

    private static readonly string[][] BothSides =
    [
        ["the", "two", "countries"], ["the", "two", "sides"], ["the", "two", "nations"], ["the", "two", "governments"], ["both", "countries"],
        ["both", "sides"], ["both", "nations"], ["both", "governments"], ["the", "two", "states"], ["the", "two", "neighbours"], ["the", "two", "neighbors"],
    ];

    public IReadOnlyList<CodedEvent> Code(string text) => Code(text, Tokenizer.Tokenize(text));

    public IReadOnlyList<CodedEvent> Code(string text, List<Token> tokens) =>
        // The default finder reuses the coder's tokens; any other finder gets the text.
        Code(text, tokens, actors is PhraseActorFinder phrases ? phrases.Find(text, tokens) : actors.Find(text));

    /// <summary>
    /// Codes what <see cref="ArticleClassifier"/> has already read, reusing its tokens and actors. Offsets refer to the
    /// body (<c>ArticleIngested.Text</c>, which <c>ArticleClassified.Text</c> carries): the title, which the classifier
    /// reads before the body, gives no events, but its actors still count as named before ("the two countries").
    /// </summary>
    public IReadOnlyList<CodedEvent> Code(Classification classification, string? language) => Code(classification);

    public IReadOnlyList<CodedEvent> Code(Classification classification)
    {
        var events = Code(classification.Text, classification.Tokens, RecognizedActorFinder.From(classification.Text, classification.Actors));
        var offset = classification.BodyStart;
        if (offset == 0) return events;
        var body = new List<CodedEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.SentenceStart < offset) continue;
            body.Add(e with
            {
                SentenceStart = e.SentenceStart - offset, SentenceEnd = e.SentenceEnd - offset,
                TriggerStart = e.TriggerStart - offset, TriggerEnd = e.TriggerEnd - offset,
                Source = e.Source with { Start = e.Source.Start - offset, End = e.Source.End - offset },
                Target = e.Target with { Start = e.Target.Start - offset, End = e.Target.End - offset },
            });
        }

        return body;
    }

    /// <summary>Codes <paramref name="text"/> with actors found already (ordered by start, not overlapping).</summary>
    public IReadOnlyList<CodedEvent> Code(string text, List<Token> tokens, IReadOnlyList<ActorMention> mentions)
    {
        var events = new List<CodedEvent>();
        var recentCodes = new List<string>();
        int t = 0, m = 0;
        foreach (var (start, end) in SentenceSplitter.Split(text))
        {
            while (t < tokens.Count && tokens[t].Start < start) t++;
            var firstToken = t;
            while (t < tokens.Count && tokens[t].Start < end) t++;
            while (m < mentions.Count && mentions[m].Start < start) m++;
            var firstMention = m;
            while (m < mentions.Count && mentions[m].Start < end) m++;
            if (t - firstToken < 3) continue;

            var sentence = new Sentence(text, start, end, tokens.GetRange(firstToken, t - firstToken));
            var slots = Slots(sentence, mentions, firstMention, m, recentCodes);
            CodeSentence(sentence, slots, events);
            for (var k = firstMention; k < m; k++)
            {
                recentCodes.Remove(mentions[k].Code);
                recentCodes.Add(mentions[k].Code);
            }
        }

        return events;
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    /// <summary>The sentence's actors as token ranges; "the two countries" stands for the last two countries named before.</summary>
    private static List<Slot> Slots(Sentence sentence, IReadOnlyList<ActorMention> mentions, int from, int to, List<string> recentCodes)
    {
        var slots = new List<Slot>();
        var w = sentence.Tokens;
        var k = 0;
        for (var i = from; i < to; i++)
        {
            var mention = mentions[i];
            while (k < w.Count && w[k].End <= mention.Start) k++;
            var first = k;
            while (k < w.Count && w[k].Start < mention.End) k++;
            if (k > first) slots.Add(new Slot(first, k, [mention]));
        }

        if (recentCodes.Count >= 2)
        {
            for (var i = 0; i < w.Count; i++)
            {
                foreach (var phrase in BothSides)
                {
                    if (i + phrase.Length > w.Count) continue;
                    var matches = true;
                    for (var j = 0; j < phrase.Length && matches; j++) matches = w[i + j].Lower == phrase[j];
                    if (!matches || Overlaps(slots, i, i + phrase.Length)) continue;
                    var span = (w[i].Start, w[i + phrase.Length - 1].End);
                    var words = sentence.Text[span.Start..span.End];
                    slots.Add(new Slot(i, i + phrase.Length,
                    [
                        new ActorMention(span.Start, span.End, words, recentCodes[^2], null),
                        new ActorMention(span.Start, span.End, words, recentCodes[^1], null),
                    ]));
                }
            }

            slots.Sort((a, b) => a.First.CompareTo(b.First));
        }

        return slots;
    }

    private static bool Overlaps(List<Slot> slots, int first, int end)
    {
        foreach (var slot in slots)
        {
            if (slot.First < end && first < slot.End) return true;
        }

        return false;
    }

    private void CodeSentence(Sentence sentence, List<Slot> slots, List<CodedEvent> events)
    {
        if (slots.Count == 0) return;
        var w = sentence.Tokens;
        var inActor = new int[w.Count];
        Array.Fill(inActor, -1);
        sentence.InActor = inActor;
        for (var s = 0; s < slots.Count; s++)
        {
            for (var i = slots[s].First; i < slots[s].End; i++) inActor[i] = s;
        }

        var found = FindVerbs(sentence, inActor);
        if (found.Count == 0) return;

        // The speaker of a sentence is the default source of its clauses that name none.
        List<ActorMention>? speaker = null;
        foreach (var verb in found)
        {
            if (verb.Kind != VerbKind.Speech) continue;
            var region = SubjectRegionStart(sentence, found, verb);
            var group = LastGroup(sentence, slots, inActor, region, verb.First, found) ?? FirstGroupAfter(sentence, slots, inActor, verb.End, Math.Min(w.Count, verb.End + 3), found);
            if (group is not null)
            {
                speaker = group;
                break;
            }
        }

        var denialFrom = int.MaxValue;
        foreach (var f in found)
        {
            if (f.Kind != VerbKind.Denial) continue;
            denialFrom = f.First;
            break;
        }

        List<ActorMention>? previousSubject = null;
        Verb? previous = null;
        for (var v = 0; v < found.Count; v++)
        {
            var verb = found[v];
            if (verb.Kind != VerbKind.Event || verb.First > denialFrom)
            {
                if (verb.Kind == VerbKind.Speech) previous = null;
                continue;
            }

            var before = SkipBack(w, verb.First, Auxiliaries);
            var infinitive = verb.First > 0 && HasBefore(w, verb.First, "to");
            var negated = IsNegated(w, verb.First);
            var intent = IsIntent(w, verb.First);

            // "agreed to cooperate", "is ready to work with": the complement is the event, and intended.
            // "attacked X to punish Y": the purpose of an event is not one.
            var inheritsSubject = false;
            var threat = false;
            if (infinitive && previous is not null && previous.End <= verb.First)
            {
                var adjacent = before <= previous.End;
                if (previous.Negated || !adjacent) continue;
                if (IntentLemmas.Contains(previous.Entry.Lemma) || !previous.Coded)
                {
                    // "threatened to retaliate against X": a threat (13x) toward X, not the retaliation itself.
                    threat = previous.Entry.Code is { } governing && governing.StartsWith("13", StringComparison.Ordinal);
                    intent |= !threat && previous.Entry.Lemma is not ("CONTINUE" or "BEGIN" or "START" or "TRY" or "ATTEMPT" or "MOVE" or "WORK" or "STRIVE" or "CHOOSE");
                    var supersededAt = w[previous.First].Start;
                    events.RemoveAll(e => e.TriggerStart == supersededAt);
                    inheritsSubject = true;
                }
                else
                {
                    continue;
                }
            }

            verb.Negated = negated;
            var passive = false;
            for (var k = before; k < verb.First && verb.Form.IsParticiple; k++) passive |= BeForms.Contains(w[k].Lower);
            var coordinated = previous is not null && before > 0
                && ((w[before - 1].Lower is "and" or "or" or "but" or "then" && inActor[before - 1] < 0) || sentence.CommaBefore(before));

            List<ActorMention>? subject;
            if (coordinated || (inheritsSubject && previousSubject is not null))
            {
                subject = previousSubject;
            }
            else
            {
                var regionStart = SubjectRegionStart(sentence, found, verb);
                var afterVerb = regionStart > 0 && EndsVerb(found, regionStart, except: null);
                subject = afterVerb
                    ? LastGroup(sentence, slots, inActor, regionStart, verb.First, found)
                    : FirstGroup(sentence, slots, inActor, regionStart, verb.First, found);
                if (subject is null && speaker is not null && IsBareSubject(w, regionStart, verb.First)) subject = speaker;
            }

            previous = verb;
            previousSubject = subject;
            if (negated || subject is null) continue;

            var objectEnd = ObjectRegionEnd(sentence, found, v);
            var (code, patternEnd, byPattern) = ChooseCode(sentence, verb, objectEnd, passive);
            verb.Code = code;
            if (code is null) continue;

            List<ActorMention>? agent = null;
            if (passive)
            {
                agent = AgentGroup(sentence, slots, inActor, verb.End, objectEnd, found);
            }

            // A visit's place is its target ("arrived in Washington for a state visit"); elsewhere a place is only where.
            var target = passive ? null : TargetGroup(sentence, slots, inActor, verb.End, objectEnd, found, subject, placeIsTarget: code is "042" or "043");

            // A verb coded by its default alone needs its target as its object ("attacked Georgia", "met with
            // Putin"), not somewhere further in the clause; compound subjects act on each other only when the
            // clause names no one else ("China and Russia met").
            var reciprocal = passive ? agent is null : target is null;
            if (reciprocal && HasActor(w, inActor, passive ? SubjectRegionStart(sentence, found, verb) : verb.End, objectEnd, subject, slots)) continue;
            if (!byPattern && target is not null && DirectObjectEnd(w, inActor, verb.End, objectEnd) <= verb.End) continue;

            code = threat ? Threat(code) : Refine(code, w, passive ? SubjectRegionStart(sentence, found, verb) : verb.End, objectEnd, intent);
            var meaning = codebook.Find(code);
            if (meaning is null) continue;

            var triggerEnd = Math.Max(verb.End, patternEnd);
            var trigger = (Start: w[verb.First].Start, End: w[triggerEnd - 1].End);
            IEnumerable<(ActorMention Source, ActorMention Target)> pairs =
                reciprocal ? Reciprocal(subject)
                : passive ? agent!.SelectMany(a => subject.Select(s => (a, s)))
                : subject.SelectMany(s => target!.Select(t => (s, t)));

            foreach (var (source, targetActor) in pairs)
            {
                verb.Coded = true;
                if (source.Code == targetActor.Code && source.Sector == targetActor.Sector) continue;
                if (AlreadyCoded(events, sentence.Start, meaning.Code, source, targetActor)) continue;

                events.Add(new CodedEvent
                {
                    Cameo = meaning.Code,
                    Root = meaning.Root,
                    QuadClass = meaning.QuadClass,
                    Goldstein = meaning.Goldstein,
                    Source = Actor(source),
                    Target = Actor(targetActor),
                    Sentence = sentence.Text[sentence.Start..sentence.End],
                    SentenceStart = sentence.Start,
                    SentenceEnd = sentence.End,
                    Trigger = sentence.Text[trigger.Start..trigger.End],
                    TriggerStart = trigger.Start,
                    TriggerEnd = trigger.End,
                });
            }
        }
    }

    private static bool AlreadyCoded(List<CodedEvent> events, int sentenceStart, string cameo, ActorMention source, ActorMention target)
    {
        // Only this sentence's events can repeat it: they are at the end of the list.
        for (var i = events.Count - 1; i >= 0 && events[i].SentenceStart == sentenceStart; i--)
        {
            var e = events[i];
            if (e.Cameo == cameo && e.Source.Code == source.Code && e.Source.Sector == source.Sector && e.Target.Code == target.Code && e.Target.Sector == target.Sector) return true;
        }

        return false;
    }

    /// <summary>Whether the region names an actor other than the subject's own.</summary>
    private static bool HasActor(List<Token> w, int[] inActor, int from, int to, List<ActorMention> subject, List<Slot> slots)
    {
        for (var k = from; k < to; k++)
        {
            if (inActor[k] < 0) continue;
            var slot = slots[inActor[k]];
            k = slot.End - 1;
            if (IsPlace(w, slot)) continue;
            if (slot.Mentions.Any(m => subject.All(s => s.Code != m.Code))) return true;
        }

        return false;
    }

    /// <summary>"in Beijing", "near the Polish border": where it happened, not who took part.</summary>
    private static bool IsPlace(List<Token> w, Slot slot) =>
        slot.First > 0 && (LocationPrepositions.Contains(w[slot.First - 1].Lower)
            || (slot.First > 1 && w[slot.First - 1].Lower == "the" && LocationPrepositions.Contains(w[slot.First - 2].Lower)));

    /// <summary>"China and Russia met": each toward the other. One actor alone did nothing to anyone.</summary>
    private static IEnumerable<(ActorMention, ActorMention)> Reciprocal(List<ActorMention> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = 0; j < group.Count; j++)
            {
                if (i != j && group[i].Code != group[j].Code) yield return (group[i], group[j]);
            }
        }
    }

    private static EventActor Actor(ActorMention mention) => new()
    {
        Text = mention.Text, Code = mention.Code, Sector = mention.Sector, Start = mention.Start, End = mention.End,
    };

    private List<Verb> FindVerbs(Sentence sentence, int[] inActor)
    {
        var w = sentence.Tokens;
        var capitalized = 0;
        foreach (var token in w) capitalized += token.Capitalized ? 1 : 0;
        var headline = capitalized * 10 >= w.Count * 6;
        var found = new List<Verb>();
        for (var i = 0; i < w.Count; i++)
        {
            if (inActor[i] >= 0) continue;
            var forms = verbs.FormsStartingWith(w[i].Lower);
            if (forms.Count == 0) continue;
            foreach (var form in forms)
            {
                if (i + form.Words.Length > w.Count) continue;
                var matches = true;
                for (var k = 1; k < form.Words.Length && matches; k++) matches = w[i + k].Lower == form.Words[k] && inActor[i + k] < 0;
                if (!matches || !LooksLikeVerb(sentence, i, form, headline)) continue;

                // "Azerbaijani forces attacked": a subject noun spelled like a verb, followed by the verb.
                if (form.Words.Length == 1 && SubjectNouns.Contains(w[i].Lower) && i + 1 < w.Count && verbs.FormsStartingWith(w[i + 1].Lower).Count > 0) break;

                // "promote close coordination", "work together further": a verb right after a verb is its object or adverb.
                if (found.Count > 0 && found[^1].End == i && found[^1].Kind == VerbKind.Event && sentence.Gap(i - 1, i).Trim().IsEmpty) break;
                var lemma = form.Entry.Lemma;
                var kind = SpeechLemmas.Contains(lemma) ? VerbKind.Speech : DenialLemmas.Contains(lemma) && NextIs(w, i + form.Words.Length, "that") ? VerbKind.Denial : VerbKind.Event;
                found.Add(new Verb(i, i + form.Words.Length, form, kind));
                i += form.Words.Length - 1;
                break;
            }
        }

        // "according to X": X is the speaker.
        for (var i = 0; i + 1 < w.Count; i++)
        {
            if (w[i].Lower == "according" && w[i + 1].Lower == "to" && !StartsVerb(found, i))
            {
                var entry = new VerbEntry("SAY", null, false, new VerbBlock("SAY", null, null, []));
                found.Add(new Verb(i, i + 2, new VerbForm(["according", "to"], entry, false, false), VerbKind.Speech));
            }
        }

        found.Sort((a, b) => a.First.CompareTo(b.First));
        return found;
    }

    private static bool NextIs(List<Token> w, int i, string word) => i < w.Count && w[i].Lower == word;

    /// <summary>Tells a verb from the noun or adjective with the same spelling, by its neighbours.</summary>
    private static bool LooksLikeVerb(Sentence sentence, int i, VerbForm form, bool headline)
    {
        var w = sentence.Tokens;
        if (w[i].Capitalized && !headline) return false;
        if (i > 0)
        {
            // "Germany's exports": the tokenizer keeps the possessive out of the name, so it is in the gap.
            var gap = sentence.Gap(i - 1, i);
            if (gap.StartsWith("'s", StringComparison.Ordinal) || gap.StartsWith("’s", StringComparison.Ordinal)) return false;
            var previous = w[i - 1].Lower;
            // "a senior French official said": a reporting verb follows its speaker, whatever noun names them.
            var speech = SpeechLemmas.Contains(form.Entry.Lemma);
            if ((NounMarkers.Contains(previous) && !(speech && previous == "official")) || previous.EndsWith("'s", StringComparison.Ordinal) || previous.EndsWith("’s", StringComparison.Ordinal)) return false;
            if (char.IsDigit(previous[0])) return false;
            if (sentence.Gap(i - 1, i).Contains('-') && previous != "co") return false;
        }

        if (i > 0 && !CanPrecedeVerb(sentence, i) && !SpeechLemmas.Contains(form.Entry.Lemma)) return false;

        var after = i + form.Words.Length;
        var isBareOrPlural = !form.IsParticiple && !form.IsGerund;
        if (isBareOrPlural && after < w.Count && w[after].Lower is "of" or "between" && form.Words.Length == 1) return false;

        var auxiliaryAt = SkipBack(w, i, Auxiliaries);
        var hasBe = false;
        for (var k = auxiliaryAt; k < i; k++) hasBe |= BeForms.Contains(w[k].Lower);
        if (form.IsGerund && !hasBe) return false;

        // "the consensus reached by the two heads of state": a participle modifying a noun, not a clause.
        if (form.IsParticiple && after < w.Count && w[after].Lower == "by" && auxiliaryAt == i) return false;
        return true;
    }

    /// <summary>
    /// A verb follows its subject (an actor, a name, a pronoun, a role word), an auxiliary or adverb, "to", a
    /// conjunction or a clause word, or punctuation; after any other word ("a brief private visit") it is a noun.
    /// </summary>
    private static bool CanPrecedeVerb(Sentence sentence, int i)
    {
        var w = sentence.Tokens;
        var previous = w[i - 1];
        if (previous.Capitalized || sentence.Gap(i - 1, i).IndexOfAny(Punctuation) >= 0) return true;
        var word = previous.Lower;
        return Auxiliaries.Contains(word) || Pronouns.Contains(word) || Negations.Contains(word) || ClauseBoundaries.Contains(word)
            || word.EndsWith("n't", StringComparison.Ordinal) || (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 4)
            || word is "and" or "or" or "then" or "co" or "they" or "who" || PhraseActorFinder.IsRoleWord(word) || IntentWords.Contains(word)
            || SubjectNouns.Contains(word);
    }

    /// <summary>Index of the first token of the run of <paramref name="skippable"/> words (and -ly adverbs) ending before <paramref name="i"/>.</summary>
    private static int SkipBack(List<Token> w, int i, HashSet<string> skippable)
    {
        var k = i;
        while (k > 0 && k > i - 5 && (skippable.Contains(w[k - 1].Lower) || (w[k - 1].Lower.EndsWith("ly", StringComparison.Ordinal) && w[k - 1].Lower.Length > 4) || Negations.Contains(w[k - 1].Lower) || w[k - 1].Lower.EndsWith("n't", StringComparison.Ordinal)))
        {
            k--;
        }

        return k;
    }

    private static bool HasBefore(List<Token> w, int i, string word)
    {
        var from = SkipBack(w, i, Auxiliaries);
        for (var k = from; k < i; k++)
        {
            if (w[k].Lower == word) return true;
        }

        return false;
    }

    private static bool IsNegated(List<Token> w, int i)
    {
        for (var k = SkipBack(w, i, Auxiliaries); k < i; k++)
        {
            var word = w[k].Lower;
            if (Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal)) return true;
        }

        return i >= 2 && w[i - 1].Lower == "to" && w[i - 2].Lower is "failed" or "fail" or "fails" or "refused" or "refuses" or "declined";
    }

    private static bool IsIntent(List<Token> w, int i)
    {
        var from = SkipBack(w, i, Auxiliaries);
        for (var k = from; k < i; k++)
        {
            var word = w[k].Lower;
            if (IntentModals.Contains(word)) return true;
            if (word == "to" && k > 0 && IntentWords.Contains(w[k - 1].Lower) && w[k - 1].Lower is not ("is" or "are")) return true;
            if (word == "to" && k > 0 && w[k - 1].Lower is "is" or "are" or "was" or "were") return true;
        }

        return false;
    }

    /// <summary>Where the clause of a verb starts: after the previous verb or clause word, or at the sentence start.</summary>
    private static int SubjectRegionStart(Sentence sentence, List<Verb> found, Verb verb)
    {
        var w = sentence.Tokens;
        for (var k = verb.First - 1; k >= 0; k--)
        {
            if (EndsVerb(found, k + 1, verb)) return k + 1;
            if (ClauseBoundaries.Contains(w[k].Lower)) return k + 1;
            if (sentence.StopBefore(k)) return k;
        }

        return 0;
    }

    private static bool StartsVerb(List<Verb> found, int first)
    {
        foreach (var f in found)
        {
            if (f.First == first) return true;
        }

        return false;
    }

    private static bool EndsVerb(List<Verb> found, int end, Verb? except)
    {
        foreach (var f in found)
        {
            if (f.End == end && f != except) return true;
        }

        return false;
    }

    /// <summary>Where a verb's object ends: at the next clause (verb, clause word, ';' or ':'), or after 30 words.</summary>
    private static int ObjectRegionEnd(Sentence sentence, List<Verb> found, int v)
    {
        var w = sentence.Tokens;
        var verb = found[v];
        var limit = Math.Min(w.Count, verb.End + MaxObjectWords);
        for (var k = verb.End; k < limit; k++)
        {
            if (k > verb.End && sentence.StopBefore(k)) return k;
            if (ClauseBoundaries.Contains(w[k].Lower) && !(w[k].Lower == "that" && k > verb.End && k + 1 < w.Count && w[k + 1].Lower is "is" or "was")) return k;
            var next = v + 1 < found.Count ? found[v + 1] : null;

            // "…, a senior Bree official said": the speaker is not the object.
            if (next is { Kind: VerbKind.Speech } && k > verb.End && sentence.CommaBefore(k) && !HasCommaBetween(sentence, k, next.First)) return k;
            if (next is not null && next.First == k && !(next.Kind == VerbKind.Event && HasBefore(w, k, "to") && k - verb.End <= 8 && verb.Entry.Block.Code is not null)) return k;
        }

        return limit;
    }

    /// <summary>The end of the words that may stand between a verb and its object: articles, prepositions, adverbs.</summary>
    private static int DirectObjectEnd(List<Token> w, int[] inActor, int from, int to)
    {
        var k = SkipObjectLeaders(w, inActor, from, to);

        // "condemned the sale of U.S. weapons": the actor the object belongs to.
        if (k > from && k + 1 < to && inActor[k] < 0 && inActor[k + 1] < 0 && w[k + 1].Lower == "of") k = SkipObjectLeaders(w, inActor, k + 2, to);
        if (k < to && inActor[k] >= 0)
        {
            while (k < to && (inActor[k] >= 0 || w[k].Lower is "and" or "or" or "the")) k++;
            return k;
        }

        return from;
    }

    private static int SkipObjectLeaders(List<Token> w, int[] inActor, int from, int to)
    {
        var k = from;
        while (k < to && inActor[k] < 0 && (ObjectLeaders.Contains(w[k].Lower) || char.IsDigit(w[k].Lower[0]) || (w[k].Lower.EndsWith("ly", StringComparison.Ordinal) && w[k].Lower.Length > 4))) k++;
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

    private static bool IsBareSubject(List<Token> w, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            var word = w[k].Lower;
            if (Pronouns.Contains(word)) return true;
            if (!Auxiliaries.Contains(word) && !IntentWords.Contains(word) && word is not ("," or "and" or "about" or "that")) return false;
        }

        return true;
    }

    private static List<ActorMention>? FirstGroup(Sentence sentence, List<Slot> slots, int[] inActor, int from, int to, List<Verb> found)
    {
        for (var k = from; k < to; k++)
        {
            if (inActor[k] >= 0) return Group(sentence, slots, inActor[k], to, found);
        }

        return null;
    }

    private static List<ActorMention>? LastGroup(Sentence sentence, List<Slot> slots, int[] inActor, int from, int to, List<Verb> found)
    {
        for (var k = to - 1; k >= from; k--)
        {
            if (inActor[k] < 0) continue;
            var s = inActor[k];
            // Walk back to the first conjunct: "Gondor and Rohan condemned".
            while (s > 0 && slots[s - 1].First >= from && IsConjunctGap(sentence, slots[s - 1].End, slots[s].First)) s--;
            return Group(sentence, slots, s, to, found);
        }

        return null;
    }

    private static List<ActorMention>? FirstGroupAfter(Sentence sentence, List<Slot> slots, int[] inActor, int from, int to, List<Verb> found) =>
        FirstGroup(sentence, slots, inActor, from, to, found);

    /// <summary>The agent of a passive verb: "was attacked by Russian troops".</summary>
    private static List<ActorMention>? AgentGroup(Sentence sentence, List<Slot> slots, int[] inActor, int from, int to, List<Verb> found)
    {
        var w = sentence.Tokens;
        for (var k = from; k < to; k++)
        {
            if (w[k].Lower != "by") continue;
            for (var j = k + 1; j < Math.Min(to, k + 5); j++)
            {
                if (inActor[j] >= 0) return Group(sentence, slots, inActor[j], to, found);
            }
        }

        return null;
    }

    private static List<ActorMention>? TargetGroup(
        Sentence sentence, List<Slot> slots, int[] inActor, int from, int to, List<Verb> found, List<ActorMention> subject, bool placeIsTarget = false)
    {
        var w = sentence.Tokens;
        for (var k = from; k < to; k++)
        {
            if (inActor[k] < 0) continue;
            var slot = slots[inActor[k]];
            k = slot.End - 1;
            if (!placeIsTarget && IsPlace(w, slot)) continue;
            if (slot.Mentions.All(m => subject.Any(s => s.Code == m.Code && s.Sector == m.Sector))) continue;
            return Group(sentence, slots, inActor[slot.First], to, found, isObject: true);
        }

        return null;
    }

    /// <summary>A slot and the slots joined to it by "and", "or" or commas ("Arnor, Calenardhon and the evil Gondor").</summary>
    private static List<ActorMention> Group(Sentence sentence, List<Slot> slots, int first, int limit, List<Verb> found, bool isObject = false)
    {
        var group = new List<ActorMention>(slots[first].Mentions);
        var s = first;
        while (s + 1 < slots.Count && slots[s + 1].End <= limit && IsConjunctGap(sentence, slots[s].End, slots[s + 1].First))
        {
            // "Gondor attacked Mordor and Rohan condemned it": Rohan starts a clause of its own.
            if (isObject && StartsVerb(found, slots[s + 1].End)) break;
            s++;
            group.AddRange(slots[s].Mentions);
        }

        return group;
    }

    /// <summary>Between two actors only a conjunction, commas, articles and at most two adjectives ("and the evil awful").</summary>
    private static bool IsConjunctGap(Sentence sentence, int from, int to)
    {
        var w = sentence.Tokens;
        if (from > 0 && to < w.Count && to == from)
        {
            var gap = sentence.Gap(from - 1, from).Trim();
            return gap.Length == 1 && gap[0] is ',' or '-' or '–' or '/';
        }

        var conjunction = false;
        var others = 0;
        for (var k = from; k < to; k++)
        {
            var word = w[k].Lower;
            if (Conjunctions.Contains(word)) conjunction = true;
            else if (word is "the" or "both") continue;
            else if (++others > 2 || w[k].Capitalized) return false;
        }

        if (!conjunction && from > 0)
        {
            // "Arnor, Calenardhon and Gondor": a comma counts when a conjunction follows in the list.
            conjunction = sentence.CommaBefore(from) && others == 0;
        }

        return conjunction;
    }

    /// <summary>The verb's code, refined by the longest of its block's patterns that follows it in the clause.</summary>
    private static (string? Code, int PatternEnd, bool ByPattern) ChooseCode(Sentence sentence, Verb verb, int objectEnd, bool passive)
    {
        var w = sentence.Tokens;
        VerbPattern? best = null;
        var bestEnd = 0;
        Consider(verb.End, objectEnd, verb.End, useEnd: true);
        if (passive)
        {
            // "The meeting … was held": the pattern's words stand before a passive verb.
            Consider(SubjectRegionStart(sentence, [verb], verb), verb.First, verb.End, useEnd: false);
        }

        void Consider(int from, int to, int fallbackEnd, bool useEnd)
        {
            // Only the patterns whose first word is near: one lookup per word (and its singular) instead of a scan of the block.
            for (var k = from; k < Math.Min(to, from + MaxPatternGap); k++)
            {
                var word = w[k].Lower;
                Try(verb.Entry.Block.PatternsStartingWith(word));
                if (word.Length > 3 && word[^1] == 's')
                {
                    Try(verb.Entry.Block.PatternsStartingWith(word.AsSpan(0, word.Length - 1)));
                    if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal)) Try(verb.Entry.Block.PatternsStartingWith(word.AsSpan(0, word.Length - 2)));
                }
            }

            void Try(List<VerbPattern> patterns)
            {
                foreach (var pattern in patterns)
                {
                    if ((best is not null && pattern.Words.Length <= best.Words.Length) || !pattern.AppliesTo(verb.Entry)) continue;
                    var end = MatchPattern(w, sentence.InActor, pattern, from, to);
                    if (end < 0) continue;
                    best = pattern;
                    bestEnd = useEnd ? end : fallbackEnd;
                }
            }
        }

        if (best is not null)
        {
            var code = best.Code is null or "---" ? null : best.Code;
            return (code, bestEnd, true);
        }

        return (verb.Entry.Code, verb.End, false);
    }

    /// <summary>Pattern words in order, each within a few words of the previous; returns the end of the match or -1.</summary>
    private static int MatchPattern(List<Token> w, int[] inActor, VerbPattern pattern, int from, int to)
    {
        var at = from;
        foreach (var alternatives in pattern.Words)
        {
            var matched = -1;
            for (var k = at; k < Math.Min(to, at + MaxPatternGap); k++)
            {
                // "lodged a protest with Japan over the release of": a pattern's words do not reach across an actor.
                if (at > from && inActor[k] >= 0) break;
                if (Matches(alternatives, w[k].Lower))
                {
                    matched = k;
                    break;
                }
            }

            if (matched < 0) return -1;
            at = matched + 1;
        }

        return at;
    }

    /// <summary>The word or its plural ("sanctions" for SANCTION, "talks", "parties" for PARTY), without allocating.</summary>
    private static bool Matches(HashSet<string> alternatives, string word)
    {
        if (alternatives.Contains(word)) return true;
        if (word.Length <= 3 || word[^1] != 's') return false;
        var lookup = alternatives.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = word.AsSpan();
        if (lookup.Contains(span[..^1])) return true;
        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) && lookup.Contains(span[..^2])) return true;
        if (word.Length <= 4 || !word.EndsWith("ies", StringComparison.Ordinal) || word.Length > 64) return false;
        Span<char> singular = stackalloc char[word.Length - 2];
        span[..^3].CopyTo(singular);
        singular[^1] = 'y';
        return lookup.Contains(singular);
    }

    /// <summary>
    /// What the clause cooperates on (judicial, intelligence, military, economic) makes a general cooperation code
    /// specific, and intent ("will", "is ready to", "agreed to") turns a done cooperation into an intended one.
    /// </summary>
    private static string Refine(string code, List<Token> w, int from, int to, bool intent)
    {
        var domain = CooperationDomain(w, from, to);
        var root = code[..2];

        // "provided Ukraine with military aid": giving aid is aid (07x), whatever the verb's general cooperation code.
        if (root is "06" && Aid(w, from, to) is { } aid) return intent ? (aid == '0' ? "033" : "033" + aid) : "07" + aid;
        if (code is "030" or "031" or "032" or "050" or "060" or "061" or "062" or "063" or "064" && domain is not null)
        {
            code = intent || code.StartsWith("03", StringComparison.Ordinal) ? "031" + domain : "06" + domain;
            return code;
        }

        if (!intent) return code;
        return root switch
        {
            "04" => "036",
            "05" => "032",
            "06" => code.Length > 2 && code[2] is >= '1' and <= '4' ? "031" + code[2] : "031",
            "07" => code.Length > 2 && code[2] is >= '1' and <= '4' ? "033" + code[2] : "033",
            _ => code,
        };
    }

    /// <summary>The threat of an action: force (18–20) is 138, repression (17) 137, sanctions and cuts (16) 131, protest (14–15) 133.</summary>
    private static string Threat(string threatened) => threatened[..2] switch
    {
        "18" or "19" or "20" => "138",
        "17" => "137",
        "16" => "131",
        "14" or "15" => "133",
        _ => "130",
    };

    /// <summary>The kind of aid the clause names: economic 1, military 2, humanitarian 3, other 0; null when it names none.</summary>
    private static char? Aid(List<Token> w, int from, int to)
    {
        for (var k = from; k < to && k < w.Count; k++)
        {
            if (w[k].Lower is not ("aid" or "assistance")) continue;
            var kind = k > from ? w[k - 1].Lower : "";
            return kind switch
            {
                "military" or "defence" or "defense" or "security" or "lethal" => '2',
                "humanitarian" or "medical" or "food" or "emergency" or "relief" => '3',
                "economic" or "financial" or "development" => '1',
                _ => '0',
            };
        }

        return null;
    }

    private static char? CooperationDomain(List<Token> w, int from, int to)
    {
        char? domain = null;
        for (var k = from; k < to && k < w.Count; k++)
        {
            var word = w[k].Lower;
            if (word.StartsWith("intelligence", StringComparison.Ordinal)) return '4';
            if (word is "judicial" or "legal" or "law" or "extradition" or "extraditions" or "police" or "policing" or "crime" or "crimes" or "criminal" or "justice" or "enforcement" or "prosecution" or "anti-corruption")
            {
                domain = '3';
            }
            else if (domain is null && word is "military" or "defence" or "defense" or "army" or "naval" or "arms")
            {
                domain = '2';
            }
            else if (domain is null && word is "economic" or "trade" or "investment" or "financial" or "economy")
            {
                domain = '1';
            }
        }

        return domain;
    }

    private enum VerbKind { Event, Speech, Denial }

    private sealed class Verb(int first, int end, VerbForm form, VerbKind kind)
    {
        public int First { get; } = first;
        public int End { get; } = end;
        public VerbForm Form { get; } = form;
        public VerbEntry Entry => Form.Entry;
        public VerbKind Kind { get; } = kind;
        public string? Code { get; set; } = form.Entry.Code;
        public bool Negated { get; set; }

        /// <summary>The verb gave at least one event (it had a target).</summary>
        public bool Coded { get; set; }
    }

    private sealed record Slot(int First, int End, List<ActorMention> Mentions);

    private sealed class Sentence(string text, int start, int end, List<Token> tokens)
    {
        public string Text { get; } = text;
        public int Start { get; } = start;
        public int End { get; } = end;
        public List<Token> Tokens { get; } = tokens;

        /// <summary>For every token the index of the actor slot it belongs to, or -1.</summary>
        public int[] InActor { get; set; } = [];

        private bool[]? _commaBefore;
        private bool[]? _stopBefore;

        /// <summary>The characters between two tokens: punctuation, spaces.</summary>
        public ReadOnlySpan<char> Gap(int left, int right) => Text.AsSpan(Tokens[left].End, Tokens[right].Start - Tokens[left].End);

        /// <summary>A comma between token <paramref name="k"/> and the one before it.</summary>
        public bool CommaBefore(int k) => k > 0 && (_commaBefore ??= Mark(','))[k];

        /// <summary>A ';' or ':' between token <paramref name="k"/> and the one before it.</summary>
        public bool StopBefore(int k) => k > 0 && (_stopBefore ??= Mark(';', ':'))[k];

        private bool[] Mark(char c, char? other = null)
        {
            var marks = new bool[Tokens.Count];
            for (var k = 1; k < Tokens.Count; k++)
            {
                var gap = Gap(k - 1, k);
                marks[k] = gap.Contains(c) || (other is { } o && gap.Contains(o));
            }

            return marks;
        }
    }
}
