namespace Monitoring.Ingest.Extraction;

/// <summary>A candidate's text once read and filtered, with what the choice looks at.</summary>
internal sealed record ReadCandidate(string Method, IReadOnlyList<string> Lines, int Words, int ProseWords)
{
    /// <summary>The page elements the text was read from (none for JSON-LD).</summary>
    public IReadOnlyList<AngleSharp.Dom.IElement> Containers { get; init; } = [];
}

/// <summary>
/// Chooses between the candidates' texts by their prose (words in sentence-like blocks of some length) against their
/// other text (short lines: menus, labels, teaser titles). The first candidate (Readability's pick, the most precise
/// when it finds the article) stands unless another holds clearly more prose — half as much again — and gained it
/// without bringing more non-prose than prose along, or encloses the pick and completes it with paragraphs of prose.
/// </summary>
internal static class CandidateChoice
{
    /// <summary>Counts a candidate's words and its content words: sentence-like blocks, and list items and table rows (menus are gone by now).</summary>
    public static ReadCandidate Measure(string method, IReadOnlyList<string> lines, IReadOnlySet<string>? listLines)
    {
        var words = 0;
        var prose = 0;
        foreach (var line in lines)
        {
            var count = WordCount(line);
            words += count;
            if (count >= 12 || (count >= 6 && line.Length > 0 && EndsSentence(line)) || listLines?.Contains(line) == true) prose += count;
        }

        return new ReadCandidate(method, lines, words, prose);
    }

    public static ReadCandidate Choose(IReadOnlyList<ReadCandidate> candidates)
    {
        var best = candidates[0];
        foreach (var candidate in candidates.Skip(1))
        {
            var gained = candidate.ProseWords - best.ProseWords;
            var noiseAdded = (candidate.Words - candidate.ProseWords) - (best.Words - best.ProseWords);
            if (candidate.ProseWords > (1.5 * best.ProseWords) + 5 && noiseAdded < gained) best = candidate;
            else if (best == candidates[0] && CompletesPick(candidate, best, gained, noiseAdded)) best = candidate;
        }

        return best;
    }

    // Readability's pick is often one section of an article its template split over wrappers. A container that encloses
    // the pick and adds a quarter as much prose again, in paragraphs (12+ words a line on average) and with almost no
    // other text (under a quarter of what it adds), is the rest of that article, not a page around it.
    private static bool CompletesPick(ReadCandidate candidate, ReadCandidate pick, int gained, int noiseAdded) =>
        Encloses(candidate, pick) && gained > (0.25 * pick.ProseWords) + 5 && noiseAdded * 4 < gained
        && gained >= 12 * (candidate.Lines.Count - pick.Lines.Count);

    private static bool Encloses(ReadCandidate outer, ReadCandidate inner) =>
        outer.Containers.Count > 0 && inner.Containers.Count > 0
        && inner.Containers.All(element => outer.Containers.Any(container => container.Contains(element)));

    internal static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or '。' or '！' or '？' or ':' or '"' or '”' or '»' or ')';

    internal static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord) count++;
            inWord = !isSpace;
        }

        return count;
    }
}
