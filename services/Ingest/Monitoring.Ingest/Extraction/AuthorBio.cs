namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The author box a template prints under (or over) the article: the lines the page's JSON-LD declares as the
/// author's <c>description</c>. The declaration says what the bio is, wherever the box sits and whatever it is called.
/// </summary>
internal static class AuthorBio
{
    private const int MinLength = 40;

    public static IReadOnlyList<string> Without(IReadOnlyList<string> lines, string? bio)
    {
        if (string.IsNullOrWhiteSpace(bio)) return lines;
        var declared = Normalise(bio.Contains('<') ? string.Join(' ', HtmlMainText.Blocks(bio).Select(block => block.Text)) : bio);
        if (declared.Length < MinLength) return lines;
        var kept = lines.Where(line => line.Length < MinLength || !declared.Contains(Normalise(line), StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == lines.Count || kept.Count == 0 ? lines : kept;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
