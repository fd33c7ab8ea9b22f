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
        var block = verb.Entry.Block;
        VerbPattern? best = null;
        var bestEnd = 0;
        if (!block.HasPatterns) return (verb.Entry.Code, verb.End, false, false);
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
                var (whole, lessS, lessEs) = sentence.PatternProbes(k, block.AnyBlock);
                var word = w[k].Lower;
                if (block.StartsPatterns(whole)) Try(block.PatternsStartingWith(word), from, to, fallbackEnd, useEnd);
                if (block.StartsPatterns(lessS)) Try(block.PatternsStartingWith(word.AsSpan(0, word.Length - 1)), from, to, fallbackEnd, useEnd);
                if (block.StartsPatterns(lessEs)) Try(block.PatternsStartingWith(word.AsSpan(0, word.Length - 2)), from, to, fallbackEnd, useEnd);
            }
        }

        void Try(List<VerbPattern> patterns, int from, int to, int fallbackEnd, bool useEnd)
        {
            // Longest first: once a pattern is no longer than the best, neither is any after it; the first match is the longest.
            foreach (var pattern in patterns)
            {
                if (best is not null && pattern.Words.Length <= best.Words.Length) return;
                if (!pattern.AppliesTo(verb.Entry)) continue;
                var end = Match(sentence, pattern, from, to);
                if (end < 0) continue;
                best = pattern;
                bestEnd = useEnd ? end : fallbackEnd;
                return;
            }
        }
    }

    /// <summary>
    /// "called for sanctions against X": a pattern of the dictionary verb that extends a lexicon phrase starting with it
    /// (the phrase's words, then more: "FOR SANCTIONS", 1312) says more than the phrase ("called for", 020), so the verb
    /// and its patterns are coded. A pattern that does not continue the phrase ("protested to China over the detention":
    /// &DETENTION) leaves the phrase its reading.
    /// </summary>
    public static bool SaysMoreThan(Sentence sentence, VerbForm form, int first, LexiconEntry phrase)
    {
        var block = form.Entry.Block;
        var rest = phrase.Words.Length - form.Words.Length;
        if (!block.HasPatterns || rest <= 0) return false;
        var limit = Math.Min(sentence.Tokens.Count, first + 2 * MaxPatternGap);
        foreach (var pattern in block.PatternsStartingWith(phrase.Words[form.Words.Length]))
        {
            if (pattern.Code is null or "---" || pattern.Words.Length <= rest || !pattern.AppliesTo(form.Entry)) continue;
            if (Match(sentence, pattern, first + form.Words.Length, limit) > first + phrase.Words.Length) return true;
        }

        return false;
    }

    /// <summary>Pattern words in order, each within a few words of the previous; returns the end of the match or -1.</summary>
    private static int Match(Sentence sentence, VerbPattern pattern, int from, int to)
    {
        var w = sentence.Tokens;
        var at = from;
        var singles = pattern.SingleWords;
        for (var p = 0; p < singles.Length; p++)
        {
            var single = singles[p];
            var matched = -1;
            for (var k = at; k < Math.Min(to, at + MaxPatternGap); k++)
            {
                // "lodged a protest with Japan over the release of": a pattern's words do not reach across an actor.
                if (at > from && sentence.InActor[k] >= 0) break;
                if (single is not null ? Matches(single, w[k].Lower) : Matches(pattern.Words[p], w[k].Lower))
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

    /// <summary>As <see cref="Matches(HashSet{string}, string)"/> for a pattern word with one spelling, without hashing.</summary>
    private static bool Matches(string single, string word)
    {
        if (word.Length == single.Length) return string.Equals(word, single, StringComparison.Ordinal);
        if (word.Length <= 3 || word[^1] != 's') return false;
        var span = word.AsSpan();
        return (word.Length - single.Length) switch
        {
            1 => span[..^1].SequenceEqual(single),
            2 => word.Length > 4 && ((span[^2] == 'e' && PatternWords.TakesEs(span[..^2]) && span[..^2].SequenceEqual(single))
                || (word.Length <= 64 && span.EndsWith("ies") && single[^1] == 'y' && span[..^3].SequenceEqual(single.AsSpan(0, single.Length - 1)))),
            _ => false,
        };
    }

    /// <summary>The word or its plural ("sanctions" for SANCTION, "talks", "parties" for PARTY), without allocating.</summary>
    private static bool Matches(HashSet<string> alternatives, string word)
    {
        if (alternatives.Contains(word)) return true;
        if (word.Length <= 3 || word[^1] != 's') return false;
        var lookup = alternatives.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = word.AsSpan();
        if (lookup.Contains(span[..^1])) return true;
        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) && PatternWords.TakesEs(span[..^2]) && lookup.Contains(span[..^2])) return true;
        if (word.Length <= 4 || !word.EndsWith("ies", StringComparison.Ordinal) || word.Length > 64) return false;
        Span<char> singular = stackalloc char[word.Length - 2];
        span[..^3].CopyTo(singular);
        singular[^1] = 'y';
        return lookup.Contains(singular);
    }
}
