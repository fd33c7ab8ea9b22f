using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5e, for languages coded by their trigger lexicon: events a sentence names without reporting them, or that are
/// no event of their own. An event word is
/// <list type="bullet">
/// <item>the topic of another when it is what a protest is against ("احتجاجا على مقتل …", "المحتجين على اعتقال …",
/// "تندد بالقصف"), what a demand, call, denunciation is about, or an earlier event that dates the report
/// ("مطالبين بوقف الهجمات", "بعد الهجوم", "غداة الانفجار") — <c>topic-leaders</c>, with
/// <c>topic-fillers</c> ("عمليات", "المزيد من") and object leaders between — and so is the means named with it
/// ("على مقتل فتى برصاص الشرطة");</item>
/// <item>a slogan: inside a quotation right after a word of chanting or banners (<c>slogan-words</c>: "هتافات «…»");</item>
/// <item>what an accusation alleges (<c>allegation-leaders</c>, "متهمين الجنود بإطلاق النار"), or a relative clause that
/// describes someone named (<c>relative-pronouns</c>, "عائلات الجنود الذين قتلوا");</item>
/// <item>the toll of the event that caused it: the dead and wounded counted (<c>toll-nouns</c>, "سقوط عشرة جرحى"), what
/// a result word says it led to ("مما أدى إلى مقتل شخصين"), the means of a wounding ("أصيب عشرون بالرصاص");</item>
/// <item>no violence at all: a protest that "exploded" broke out (<c>outbreak-verbs</c>, "انفجرت المظاهرات"); shots fired
/// into the air hit no one (<c>aimless-words</c>, "أطلقوا النار في الهواء").</item>
/// </list>
/// Such events are dropped when the sentence reports another, and none of their kind (force, 18–20, is one kind): a
/// mention of the kind the sentence reports may be that event named again, with its actors. The cue sets are the
/// language's; a language without them keeps every event.
/// </summary>
internal static class MentionedEvents
{
    private const int Reach = 4;

    /// <summary>Drops the events only named; returns those that were what a protest, demand or slogan is about (<see cref="ProtestTargets"/>), or null.</summary>
    public static List<CodedEvent>? Drop(Sentence sentence, List<CodedEvent> events, int from)
    {
        if (sentence.Language.HasVerbDictionary || events.Count - from < 2) return null;
        var leaders = sentence.Cues.Set("topic-leaders");
        if (leaders.Count == 0) return null;
        var slogans = Slogans(sentence);
        var topic = new bool[events.Count - from];
        var about = new bool[events.Count - from];
        var kept = 0;
        var lastTopic = -1;
        for (var i = from; i < events.Count; i++)
        {
            var first = ProtestRefiner.TokenAt(sentence, events[i].TriggerStart);
            if (first < 0)
            {
                kept++;
                continue;
            }

            var nominal = IsNominal(sentence, first);
            about[i - from] = slogans[first] || (nominal && IsTopic(sentence, first, leaders));
            var isTopic = about[i - from] || IsHarmless(sentence, first, events[i].Root) || Describes(sentence, first)
                || (nominal && (IsToll(sentence, first) || Alleged(sentence, first) || MeansOf(sentence, lastTopic, first)));
            topic[i - from] = isTopic;
            if (isTopic) lastTopic = first;
            else kept++;
        }

        if (kept == 0 || kept == topic.Length) return null;
        List<CodedEvent>? topics = null;
        for (var i = events.Count - 1; i >= from; i--)
        {
            if (!topic[i - from] || KeptOfKind(events, from, topic, Kind(events[i].Root))) continue;
            if (about[i - from]) (topics ??= []).Add(events[i]);
            events.RemoveAt(i);
        }

        return topics;
    }

    /// <summary>
    /// A noun of the lexicon, or a word the lexicon reads as a verb that can only be a verbal noun: with the article
    /// ("القصف") or right after a preposition, leader or filler ("الى قتل", "عمليات قتل").
    /// </summary>
    private static bool IsNominal(Sentence sentence, int first)
    {
        if (!IsNoun(sentence, first) && !HasArticle(sentence, first) && first > 0)
        {
            var cues = sentence.Cues;
            var k = first - 1;
            return !sentence.CommaBefore(first) && (sentence.ShapeIn(k, cues.ObjectLeaders) || sentence.ShapeIn(k, cues.Set("topic-fillers")) || sentence.ShapeIn(k, cues.Set("topic-leaders")));
        }

        return true;
    }

    private static bool HasArticle(Sentence sentence, int k)
    {
        var word = sentence.Language.Shapes.Normalize(sentence.Tokens[k].Lower);
        return word.StartsWith("ال", StringComparison.Ordinal) || word.StartsWith("وال", StringComparison.Ordinal) || word.StartsWith("بال", StringComparison.Ordinal)
            || word.StartsWith("فال", StringComparison.Ordinal) || word.StartsWith("لل", StringComparison.Ordinal);
    }

    /// <summary>"على مقتل فتى برصاص الشرطة": ب and an event noun shortly after a topic, in the same phrase, name its means.</summary>
    private static bool MeansOf(Sentence sentence, int topic, int first)
    {
        if (topic < 0 || first <= topic || first - topic > 2 * Reach || !AttachedBa(sentence, first)) return false;
        for (var k = topic + 1; k <= first; k++)
        {
            if (sentence.CommaBefore(k) || sentence.StopBefore(k) || sentence.ShapeIn(k, sentence.Cues.ClauseBoundaries)) return false;
            if (k < first && sentence.StartsTrigger(k)) return false;
        }

        return true;
    }

    /// <summary>
    /// The dead and wounded counted ("عشرة جرحى"); what a result word says an event led to ("أسفر عن مقتل", "أدى ذلك إلى
    /// إحراق …"); the means of a wounding ("أصيب عشرون، بعضهم بالرصاص").
    /// </summary>
    private static bool IsToll(Sentence sentence, int first)
    {
        var cues = sentence.Cues;
        if (sentence.ShapeIn(first, cues.Set("toll-nouns"))) return true;
        var results = cues.Set("result-words");
        for (var k = first - 1; k >= Math.Max(0, first - 3); k--)
        {
            if (sentence.ShapeIn(k, results)) return true;
        }

        if (!AttachedBa(sentence, first)) return false;
        var wounded = cues.Set("passive-markers");
        var victims = cues.Set("victim-nouns");
        for (var k = first - 1; k >= Math.Max(0, first - 2 * Reach); k--)
        {
            if (sentence.ShapeIn(k, cues.ClauseBoundaries) || (sentence.StartsTrigger(k) && !sentence.ShapeIn(k, victims))) return false;
            if (sentence.ShapeIn(k, wounded) || sentence.ShapeIn(k, victims)) return true;
        }

        return false;
    }

    /// <summary>"متهمين الجنود بإطلاق النار": what an accusation alleges, with the accused between, is not reported as done.</summary>
    private static bool Alleged(Sentence sentence, int first)
    {
        var accusations = sentence.Cues.Set("allegation-leaders");
        if (accusations.Count == 0) return false;
        for (var k = first - 1; k >= Math.Max(0, first - 2 * Reach); k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StartsTrigger(k) || sentence.ShapeIn(k, sentence.Cues.ClauseBoundaries)) return false;
            if (sentence.ShapeIn(k, accusations)) return true;
        }

        return false;
    }

    /// <summary>"عائلات الجنود الذين قتلوا في العراق": a relative clause that describes someone the sentence names.</summary>
    private static bool Describes(Sentence sentence, int first) =>
        first > 1 && sentence.InActor[first - 2] >= 0 && sentence.ShapeIn(first - 1, sentence.Cues.Set("relative-pronouns"));

    /// <summary>"انفجرت المظاهرات" (protests broke out), "أطلقوا النار في الهواء" (fired into the air): no violence done to anyone.</summary>
    private static bool IsHarmless(Sentence sentence, int first, string root)
    {
        var cues = sentence.Cues;
        var w = sentence.Tokens;
        var outbreak = sentence.ShapeIn(first, cues.Set("outbreak-verbs"));
        var aimless = cues.Set("aimless-words");
        for (var k = first + 1; k < Math.Min(w.Count, first + Reach); k++)
        {
            if (sentence.CommaBefore(k)) return false;
            if (outbreak && IsProtestWord(sentence, k)) return true;
            if (root is "18" or "19" or "20" && sentence.ShapeIn(k, aimless)) return true;
        }

        return false;
    }

    /// <summary>
    /// A topic of the kind of an event the sentence reports may be that event named again ("عقب مقتل الجنود في هجوم"):
    /// it stays, with its actors. Force (18–20) is one kind.
    /// </summary>
    private static bool KeptOfKind(List<CodedEvent> events, int from, bool[] topic, string kind)
    {
        for (var i = from; i < events.Count; i++)
        {
            if (!topic[i - from] && Kind(events[i].Root) == kind) return true;
        }

        return false;
    }

    private static string Kind(string root) => root is "18" or "19" or "20" ? "18" : root;

    private static bool IsNoun(Sentence sentence, int first)
    {
        foreach (var t in sentence.Triggers)
        {
            if (t.First == first) return t.IsNoun;
        }

        return false;
    }

    /// <summary>A leader word, or a protest word with "على"/"ضد" or ب attached to the noun, a few words before the noun at <paramref name="first"/>.</summary>
    private static bool IsTopic(Sentence sentence, int first, HashSet<string> leaders)
    {
        var cues = sentence.Cues;
        var fillers = cues.Set("topic-fillers");
        var marked = AttachedBa(sentence, first);
        for (var k = first - 1; k >= Math.Max(0, first - Reach); k--)
        {
            if (sentence.CommaBefore(k + 1) || sentence.StopBefore(k + 1)) return false;
            if (sentence.ShapeIn(k, leaders)) return true;
            if (marked && IsProtestWord(sentence, k)) return true;
            if (sentence.InActor[k] >= 0) return false;
            if (sentence.ShapeIn(k, cues.ObjectMarkers))
            {
                marked = true;
                continue;
            }

            if (!sentence.ShapeIn(k, cues.ObjectLeaders) && !sentence.ShapeIn(k, fillers)) return false;
            marked |= AttachedBa(sentence, k);
        }

        return false;
    }

    /// <summary>"بالقصف", "وبالهجوم": the preposition ب on the word, the object of the verb or noun before it.</summary>
    private static bool AttachedBa(Sentence sentence, int k)
    {
        var word = sentence.Language.Shapes.Normalize(sentence.Tokens[k].Lower);
        return word.Length > 3 && (word.StartsWith('ب') || word.StartsWith("وب", StringComparison.Ordinal));
    }

    /// <summary>A protest word of the lexicon, verb or noun ("احتجاجا", "يحتجون", "تظاهرة"), or a protester ("المحتجين").</summary>
    private static bool IsProtestWord(Sentence sentence, int k)
    {
        foreach (var shape in sentence.Shapes(k))
        {
            foreach (var entry in sentence.Language.Triggers.StartingWith(shape))
            {
                if (entry.Words.Length == 1 && entry.Code.StartsWith("14", StringComparison.Ordinal) && TriggerLexicon.Matches(entry.Words[0], shape)) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The tokens inside a quotation («…» or "…") that opens within a few words after a slogan word, or right after
    /// another slogan ("هتافات «…» و«…»").
    /// </summary>
    internal static bool[] Slogans(Sentence sentence)
    {
        var w = sentence.Tokens;
        var inSlogan = new bool[w.Count];
        var words = sentence.Cues.Set("slogan-words");
        if (words.Count == 0) return inSlogan;
        var lastCue = -Reach - 1;
        var quoted = false;
        var slogan = false;
        for (var k = 0; k < w.Count; k++)
        {
            var gap = k == 0 ? sentence.Text.AsSpan(sentence.Start, w[0].Start - sentence.Start) : sentence.Gap(k - 1, k);
            foreach (var c in gap)
            {
                if (c is '«' or '“' || (c == '"' && !quoted))
                {
                    quoted = true;
                    slogan = k - lastCue <= Reach;
                }
                else if (c is '»' or '”' or '"')
                {
                    quoted = false;
                    if (slogan) lastCue = k;
                    slogan = false;
                }
            }

            inSlogan[k] = quoted && slogan;
            if (!quoted && sentence.ShapeIn(k, words)) lastCue = k + 1;
        }

        return inSlogan;
    }
}
