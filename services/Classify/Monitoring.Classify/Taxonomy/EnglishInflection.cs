namespace Monitoring.Classify.Taxonomy;

/// <summary>
/// The regular plural (and third-person) form of a lower-case English word, so that a rule written "missile launch"
/// also finds "missile launches" and "embassy" finds "embassies": -s, -es, -ies (-os and -oes both). Past and gerund forms are not made
/// ("accord" would find "according"): write them, or a wildcard. Words already ending in s, ed or ing, short words,
/// capitalised names and wildcards are left as written.
/// </summary>
public static class EnglishInflection
{
    public static IReadOnlyList<string> Forms(string word)
    {
        if (word.Length < 3 || !word.All(c => c is >= 'a' and <= 'z') || word.EndsWith('s') || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal))
        {
            return [word];
        }

        if (word[^1] == 'y' && !IsVowel(word[^2])) return [word, word[..^1] + "ies"];
        if (word[^1] == 'o') return [word, word + "s", word + "es"]; // "vetoes", "embargoes", but "videos"
        return [word, word[^1] is 'x' or 'z' || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) ? word + "es" : word + "s"];
    }

    /// <summary>Every combination of the forms of each word of <paramref name="phrase"/> (at most <paramref name="limit"/>), the phrase as written first.</summary>
    public static IEnumerable<string> PhraseForms(string phrase, int limit = 64)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var combinations = new List<string> { "" };
        foreach (var word in words)
        {
            var forms = word.Contains('*', StringComparison.Ordinal) ? [word] : Forms(word);
            var next = new List<string>(combinations.Count * forms.Count);
            foreach (var prefix in combinations)
            {
                foreach (var form in forms)
                {
                    if (next.Count < limit) next.Add(prefix.Length == 0 ? form : prefix + " " + form);
                }
            }

            combinations = next;
        }

        return combinations;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
