namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 1: the actors of a sentence as token ranges (slots), from the mentions the actor finder gave; "the two
/// countries", "both sides" stand for the last two countries the article named before.
/// </summary>
internal static class ActorSlots
{
    public static List<Slot> Build(Sentence sentence, IReadOnlyList<ActorMention> mentions, int from, int to, List<string> recentCodes)
    {
        var slots = sentence.Buffers.Slots();
        var w = sentence.Tokens;
        var k = 0;
        for (var i = from; i < to; i++)
        {
            var mention = mentions[i];
            while (k < w.Count && w[k].End <= mention.Start) k++;
            var first = k;
            while (k < w.Count && w[k].Start < mention.End) k++;
            if (k > first && !IsAdjective(sentence, mention, first, k)) slots.Add(new Slot(first, k, [mention]));
        }

        if (recentCodes.Count < 2) return slots;
        var firstWords = sentence.Cues.BothSidesFirstWords;
        for (var i = 0; i < w.Count; i++)
        {
            // Most words start no phrase: one comparison with each distinct first word ("the", "both") rules them out.
            if (Array.IndexOf(firstWords, sentence.FirstShape(i)) < 0) continue;
            foreach (var phrase in sentence.Cues.BothSides)
            {
                if (i + phrase.Length > w.Count) continue;
                var matches = true;
                for (var j = 0; j < phrase.Length && matches; j++) matches = sentence.FirstShape(i + j) == phrase[j];
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
        return slots;
    }

    /// <summary>The article's countries in the order last named: the last two are "the two countries".</summary>
    public static void Remember(List<string> recentCodes, IReadOnlyList<ActorMention> mentions, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            recentCodes.Remove(mentions[k].Code);
            recentCodes.Add(mentions[k].Code);
        }
    }

    /// <summary>"military support", "police cooperation": a role word before what it qualifies names no actor.</summary>
    private static bool IsAdjective(Sentence sentence, ActorMention mention, int first, int end) =>
        end == first + 1 && mention.Sector is not null && end < sentence.Tokens.Count && !sentence.Tokens[first].Capitalized
        && sentence.Cues.Set("role-adjective-heads").Contains(sentence.Tokens[end].Lower);

    private static bool Overlaps(List<Slot> slots, int first, int end)
    {
        foreach (var slot in slots)
        {
            if (slot.First < end && first < slot.End) return true;
        }

        return false;
    }
}
