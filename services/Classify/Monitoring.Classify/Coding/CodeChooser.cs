namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 4a: a verb's CAMEO code — the longest pattern of its block whose words follow it in order (each within six
/// words of the previous, never across an actor), else the verb's or block's default. A pattern with only a passive
/// code on an active verb is a converse ("received assurances from X", "got support from X"): the subject undergoes the
/// event, the one it came from does it.
/// </summary>
internal static class CodeChooser
{
    private const int MaxPatternGap = 6;

    public static (string? Code, int PatternEnd, bool ByPattern, bool Converse) Choose(Sentence sentence, Trigger verb, int objectEnd, bool passive)
    {
        var w = sentence.Tokens;
        VerbPattern? best = null;
        var bestEnd = 0;
        Consider(verb.End, objectEnd, verb.End, useEnd: true);

        // "The meeting … was held": the pattern's words stand before a passive verb.
        if (passive) Consider(Clauses.SubjectRegionStart(sentence, verb), verb.First, verb.End, useEnd: false);

        if (best is { Code: null, PassiveCode: { } undergone and not "---" } && !passive) return (undergone, bestEnd, true, true);
        if (best is not null) return (best.Code is null or "---" ? null : best.Code, bestEnd, true, false);
        return (verb.Entry.Code, verb.End, false, false);

        void Consider(int from, int to, int fallbackEnd, bool useEnd)
        {
            // Only the patterns whose first word is near: one lookup per word (and its singular) instead of a scan of the block.
            for (var k = from; k < Math.Min(to, from + MaxPatternGap); k++)
            {
                var word = w[k].Lower;
                Try(verb.Entry.Block.PatternsStartingWith(word), from, to, fallbackEnd, useEnd);
                if (word.Length > 3 && word[^1] == 's')
                {
                    Try(verb.Entry.Block.PatternsStartingWith(word.AsSpan(0, word.Length - 1)), from, to, fallbackEnd, useEnd);
                    if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal)) Try(verb.Entry.Block.PatternsStartingWith(word.AsSpan(0, word.Length - 2)), from, to, fallbackEnd, useEnd);
                }
            }
        }

        void Try(List<VerbPattern> patterns, int from, int to, int fallbackEnd, bool useEnd)
        {
            foreach (var pattern in patterns)
            {
                if ((best is not null && pattern.Words.Length <= best.Words.Length) || !pattern.AppliesTo(verb.Entry)) continue;
                var end = Match(sentence, pattern, from, to);
                if (end < 0) continue;
                best = pattern;
                bestEnd = useEnd ? end : fallbackEnd;
            }
        }
    }

    /// <summary>Pattern words in order, each within a few words of the previous; returns the end of the match or -1.</summary>
    private static int Match(Sentence sentence, VerbPattern pattern, int from, int to)
    {
        var w = sentence.Tokens;
        var at = from;
        foreach (var alternatives in pattern.Words)
        {
            var matched = -1;
            for (var k = at; k < Math.Min(to, at + MaxPatternGap); k++)
            {
                // "lodged a protest with Japan over the release of": a pattern's words do not reach across an actor.
                if (at > from && sentence.InActor[k] >= 0) break;
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
}
