namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The author box a template prints under the article without marking it: a paragraph that opens with the author's
/// name and speaks of them in the third person ("Jane Doe is a health writer…", "(Jane Doe is an attorney…"). An
/// article does not end by introducing its own writer; a box does. The names are the byline's persons (two to four
/// capitalised words each: an organisation's one-word name is often the subject of its own article), or a name printed
/// on a line of its own just above the paragraph. Only the end of the text is read: from the first such paragraph in
/// its second half, every line left is another author's bio or a short line (a name, a label, a list's numbers). When
/// the page goes on after the box (an FAQ), the byline author's bio under a short label of its own is dropped alone.
/// </summary>
internal static class ClosingBio
{
    private const int MinBioWords = 12;
    private const int MaxShortWords = 8;

    public static IReadOnlyList<string> Without(IReadOnlyList<string> lines, string? byline)
    {
        if (lines.Count < 4) return lines;
        var names = PersonNames(byline);
        var start = -1;
        for (var i = lines.Count - 1; i >= lines.Count / 2; i--)
        {
            if (IsBio(lines, i, names)) start = i;
            else if (CandidateChoice.WordCount(lines[i]) >= MaxShortWords) break;
        }

        if (start >= 0)
        {
            if (IsPersonName(lines[start - 1]) && OpensWith(lines[start], lines[start - 1])) start--;
            return lines.Take(start).ToList();
        }

        return WithoutBoxedBio(lines, names);
    }

    // The same box before the page's last section (an FAQ under the author box): the byline author's bio under a short
    // label of its own ("About the author", "Who wrote this?") in the second half; the label and the bio go.
    private static IReadOnlyList<string> WithoutBoxedBio(IReadOnlyList<string> lines, List<string> names)
    {
        if (names.Count == 0) return lines;
        for (var i = lines.Count / 2; i < lines.Count; i++)
        {
            if (CandidateChoice.WordCount(lines[i]) < MinBioWords || !names.Any(name => OpensWith(lines[i], name))) continue;
            if (CandidateChoice.WordCount(lines[i - 1]) >= MaxShortWords || lines[i - 1].EndsWith('.')) continue;
            return lines.Where((_, at) => at != i && at != i - 1).ToList();
        }

        return lines;
    }

    private static bool IsBio(IReadOnlyList<string> lines, int i, List<string> names)
    {
        var line = lines[i];
        if (CandidateChoice.WordCount(line) < MinBioWords) return false;
        if (names.Any(name => OpensWith(line, name))) return true;
        return i > 0 && IsPersonName(lines[i - 1]) && OpensWith(line, lines[i - 1]);
    }

    private static bool OpensWith(string line, string name)
    {
        var text = line.AsSpan().TrimStart('(');
        return text.Length > name.Length && text.StartsWith(name, StringComparison.Ordinal) && text[name.Length] is ' ' or ',' or '’' or '\'';
    }

    private static List<string> PersonNames(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline)) return [];
        var joiners = MetadataCues.Default.NameJoiners;
        var names = new List<string>();
        var current = new List<string>();
        foreach (var word in byline.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.TrimEnd(',', ';');
            if (!joiners.Contains(bare)) current.Add(bare);
            if (joiners.Contains(bare) || bare.Length < word.Length)
            {
                names.Add(string.Join(' ', current));
                current.Clear();
            }
        }

        names.Add(string.Join(' ', current));
        return names.Where(IsPersonName).ToList();
    }

    // "Jane Doe", "Mary-Ann van der Berg" (particles allowed), "J. R. Smith": two to four words, the first and last capitalised, no sentence.
    private static bool IsPersonName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && char.IsUpper(words[0][0]) && char.IsUpper(words[^1][0])
            && words.All(word => char.IsLetter(word[0]) && !word.EndsWith(':'))
            && !CandidateChoice.EndsSentence(text);
    }
}
