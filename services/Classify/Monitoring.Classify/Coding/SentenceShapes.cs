namespace Monitoring.Classify.Coding;

/// <summary>A sentence's tokens as the lexicons compare them: their shapes, lexicon entries and pattern probes, each computed once.</summary>
internal sealed partial class Sentence
{
    /// <summary>Token <paramref name="k"/> as the language's lexicons compare it (<see cref="WordShapes.Candidates"/>), computed once.</summary>
    public ShapeCandidates Shapes(int k)
    {
        _cache.Shapes ??= _cache.Buffers.Shapes(Tokens.Count);
        if (_cache.Shapes[k].IsEmpty) _cache.Shapes[k] = Language.Shapes.Candidates(Tokens[k].Lower);
        return _cache.Shapes[k];
    }

    /// <summary>
    /// Token <paramref name="k"/>'s first shape (<see cref="WordShapes.Normalize"/>), computed once: what the "both sides"
    /// phrases are compared with for every token, without the other shapes (an English singular) it does not need.
    /// </summary>
    public string FirstShape(int k)
    {
        if (_cache.Shapes is { } shapes && !shapes[k].IsEmpty) return shapes[k][0];
        return (_cache.FirstShapes ??= _cache.Buffers.FirstShapes(Tokens.Count))[k] ??= Language.Shapes.Normalize(Tokens[k].Lower);
    }

    /// <summary>How many shapes token <paramref name="k"/> has (<see cref="Shapes"/>), without building them where the language allows.</summary>
    public int ShapeCount(int k)
    {
        if (_cache.Shapes is { } shapes && !shapes[k].IsEmpty) return shapes[k].Count;
        var count = Language.Shapes.CountWithoutBuilding(FirstShape(k));
        return count >= 0 ? count : Shapes(k).Count;
    }

    // Most plurals' singulars begin no lexicon entry: then the singular is never built as a string.
    private bool SecondShapeStartsNone(int k)
    {
        if (_cache.Shapes is { } shapes && !shapes[k].IsEmpty) return false;
        Span<char> buffer = stackalloc char[64];
        return Language.Shapes.TrySecondShape(FirstShape(k), buffer, out var second) && !Language.Triggers.MayStartWith(second);
    }

    /// <summary>
    /// The trigger lexicon's entries for shape <paramref name="shape"/> of token <paramref name="k"/>
    /// (<see cref="TriggerLexicon.StartingWith"/>), looked up once: every pass over the sentence asks again.
    /// </summary>
    public List<LexiconEntry> LexiconStartingWith(int k, int shape)
    {
        return shape switch
        {
            0 => (_cache.Lexicon ??= _cache.Buffers.Lexicon(Tokens.Count))[k] ??= Language.Triggers.StartingWith(FirstShape(k)),
            1 => (_cache.LexiconSecond ??= _cache.Buffers.LexiconSecond(Tokens.Count))[k] ??= SecondShapeStartsNone(k) ? TriggerLexicon.NoEntries : Language.Triggers.StartingWith(Shapes(k)[1]),
            _ => Language.Triggers.StartingWith(Shapes(k)[shape]),
        };
    }

    /// <summary>The numbers of token <paramref name="k"/>'s pattern probes (<see cref="PatternWords.Probes"/>), computed once.</summary>
    public (int Whole, int LessS, int LessEs) PatternProbes(int k, PatternWords words)
    {
        // Three slots a token, each the number + 1, or -1 for none; 0 is not yet computed.
        if (_cache.PatternProbesOf != words) (_cache.PatternProbes, _cache.PatternProbesOf) = (_cache.Buffers.PatternProbes(3 * Tokens.Count), words);
        var probes = _cache.PatternProbes!;
        if (probes[3 * k] == 0)
        {
            var (whole, lessS, lessEs) = words.Probes(Tokens[k].Lower);
            (probes[3 * k], probes[(3 * k) + 1], probes[(3 * k) + 2]) = (whole < 0 ? -1 : whole + 1, lessS < 0 ? -1 : lessS + 1, lessEs < 0 ? -1 : lessEs + 1);
        }

        return (Id(probes[3 * k]), Id(probes[(3 * k) + 1]), Id(probes[(3 * k) + 2]));

        static int Id(int slot) => slot < 0 ? -1 : slot - 1;
    }

    /// <summary>The first one-word noun entry of token <paramref name="k"/> that <paramref name="filter"/> accepts (<see cref="TriggerLexicon.SingleNoun(ShapeCandidates, Func{LexiconEntry, bool})"/>).</summary>
    public LexiconEntry? SingleNoun(int k, Func<LexiconEntry, bool> filter)
    {
        var shapes = Shapes(k);
        for (var s = 0; s < shapes.Count; s++)
        {
            if (TriggerLexicon.SingleNoun(LexiconStartingWith(k, s), shapes[s], filter) is { } entry) return entry;
        }

        return null;
    }

    /// <summary>Whether a shape of token <paramref name="k"/> is in <paramref name="set"/>.</summary>
    public bool ShapeIn(int k, HashSet<string> set) => Shapes(k).AnyIn(set);

    /// <summary>Whether a shape of token <paramref name="k"/> matches the lexicon word <paramref name="form"/> (a stem ends in '*').</summary>
    public bool ShapeMatches(int k, string form) => Shapes(k).AnyMatches(form);
}
