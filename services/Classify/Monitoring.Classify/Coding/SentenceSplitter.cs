namespace Monitoring.Classify.Coding;

/// <summary>
/// Splits text into sentences at a line break or at '.', '!' or '?' followed by a space and a capital letter,
/// a digit or an opening quote, except after an abbreviation ("Mr.", "U.S.", "Jan.") or a single initial.
/// </summary>
public static class SentenceSplitter
{
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\n.!?");

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st", "jr", "sr", "vs", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "etc",
    };

    public static List<(int Start, int End)> Split(string text) => Split(text, []);

    /// <summary>The sentences of <paramref name="text"/> added to <paramref name="sentences"/> (a list the caller reuses).</summary>
    public static List<(int Start, int End)> Split(string text, List<(int Start, int End)> sentences)
    {
        var start = 0;
        // Only the line breaks and sentence marks matter: jump from one to the next (a vectorised search).
        for (var i = NextBreak(text, 0); i >= 0; i = NextBreak(text, i + 1))
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?')) continue;
            var next = i + 1;
            while (next < text.Length && text[next] is '"' or '\'' or '”' or '’' or ')') next++;
            if (next < text.Length && !char.IsWhiteSpace(text[next])) continue;
            var after = next;
            while (after < text.Length && text[after] is ' ' or '\t') after++;
            if (after < text.Length && text[after] != '\n' && !(char.IsUpper(text[after]) || char.IsDigit(text[after]) || text[after] is '"' or '“' or '\'' or '‘')) continue;
            if (c == '.' && IsAbbreviation(text, i)) continue;
            Add(sentences, text, start, next);
            start = next;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static int NextBreak(string text, int from)
    {
        var k = from < text.Length ? text.AsSpan(from).IndexOfAny(Breaks) : -1;
        return k < 0 ? -1 : from + k;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        if (word.Contains('.')) return true;
        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(List<(int Start, int End)> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add((start, end));
    }
}
