using System.Net;
using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Where the page declares its article's text (schema.org <c>articleBody</c>), the article starts and ends where that
/// text does: lines read before its first or after its last paragraph (a teaser above the headline, an author box, a
/// sign-up form, related links below) are the page around it. Lines in between are kept even when the declared text
/// lacks them — it is often an older revision or leaves out lists and tables. Used only when the declaration covers
/// most of what was read (a truncated or unrelated <c>articleBody</c> says nothing about the bounds).
/// </summary>
internal static partial class ArticleBodyBounds
{
    private const int ShingleLength = 4;
    private const double MinCoverage = 0.5;

    public static IReadOnlyList<string> Trim(IReadOnlyList<string> lines, string? articleBody)
    {
        if (string.IsNullOrWhiteSpace(articleBody) || lines.Count < 2) return lines;
        var declared = Shingles(Tokens(WebUtility.HtmlDecode(Markup().Replace(articleBody, " "))));
        if (declared.Count == 0) return lines;

        int first = -1, last = -1, covered = 0, total = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var tokens = Tokens(lines[i]);
            if (tokens.Count < ShingleLength) continue;
            var found = 0;
            for (var j = 0; j + ShingleLength <= tokens.Count; j++)
            {
                if (declared.Contains(Shingle(tokens, j))) found++;
            }

            var count = tokens.Count - ShingleLength + 1;
            covered += found;
            total += count;
            if (found * 2 < count) continue;
            if (first < 0) first = i;
            last = i;
        }

        if (first < 0 || covered < MinCoverage * total || (first == 0 && last == lines.Count - 1)) return lines;
        return lines.Skip(first).Take(last - first + 1).ToList();
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var match in Word().EnumerateMatches(text)) tokens.Add(text.Substring(match.Index, match.Length));
        return tokens;
    }

    private static HashSet<string> Shingles(List<string> tokens)
    {
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j + ShingleLength <= tokens.Count; j++) shingles.Add(Shingle(tokens, j));
        return shingles;
    }

    private static string Shingle(List<string> tokens, int start) => string.Join(' ', tokens.GetRange(start, ShingleLength));

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();
}
