namespace Monitoring.Ingest.Extraction;

/// <summary>A candidate's text once read and filtered, with what the choice looks at.</summary>
internal sealed record ReadCandidate(string Method, IReadOnlyList<string> Lines, int Words, int ProseWords);

/// <summary>
/// Chooses between the candidates' texts by their prose (words in sentence-like blocks of some length) against their
/// other text (short lines: menus, labels, teaser titles). The first candidate (Readability's pick, the most precise
/// when it finds the article) stands unless another holds clearly more prose — half as much again — and gained it
/// without bringing more non-prose than prose along.
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
        }

        return best;
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or '。' or '！' or '？' or ':' or '"' or '”' or '»' or ')';

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
