using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>Stage 5b: the source–target pairs an event's sides give, and the events a sentence already has.</summary>
internal static class EventPairs
{
    public static int DistinctCodes(List<ActorMention> group)
    {
        var first = group[0].Code;
        foreach (var m in group)
        {
            if (m.Code != first) return 2;
        }

        return 1;
    }

    /// <summary>Whether a mention of <paramref name="group"/> (if any) is of the country or organisation <paramref name="code"/>.</summary>
    public static bool HasCode(List<ActorMention>? group, string code)
    {
        if (group is null) return false;
        foreach (var m in group)
        {
            if (m.Code == code) return true;
        }

        return false;
    }

    /// <summary>Whether the two groups name a country or organisation in common.</summary>
    public static bool ShareCode(List<ActorMention> a, List<ActorMention> b)
    {
        foreach (var m in a)
        {
            if (HasCode(b, m.Code)) return true;
        }

        return false;
    }

    public static IEnumerable<(ActorMention, ActorMention)> Pairs(List<ActorMention> sources, List<ActorMention> targets)
    {
        foreach (var s in sources)
        {
            foreach (var t in targets) yield return (s, t);
        }
    }

    /// <summary>A side the sentence does not name: no country, no text, an empty span at the trigger.</summary>
    public static List<ActorMention> Unknown(Sentence sentence, Trigger verb) => [UnknownMention(sentence, verb)];

    /// <summary>The one actor of <see cref="Unknown"/>.</summary>
    public static ActorMention UnknownMention(Sentence sentence, Trigger verb)
    {
        var at = sentence.Tokens[verb.First].Start;
        return new ActorMention(at, at, "", CodedEvents.UnknownCode, null);
    }

    public static bool AlreadyCoded(List<CodedEvent> events, int sentenceStart, string cameo, ActorMention source, ActorMention target)
    {
        // Only this sentence's events can repeat it: they are at the end of the list.
        for (var i = events.Count - 1; i >= 0 && events[i].SentenceStart == sentenceStart; i--)
        {
            var e = events[i];
            if (e.Cameo == cameo && e.Source.Code == source.Code && e.Source.Sector == source.Sector && e.Target.Code == target.Code && e.Target.Sector == target.Sector) return true;
        }

        return false;
    }

    /// <summary>"China and Russia met": each toward the other. One actor alone did nothing to anyone.</summary>
    public static IEnumerable<(ActorMention, ActorMention)> Reciprocal(List<ActorMention> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = 0; j < group.Count; j++)
            {
                if (i != j && group[i].Code != group[j].Code) yield return (group[i], group[j]);
            }
        }
    }
}
