using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The headline a reader sees: the page's own <c>&lt;h1&gt;</c> (inside the article or main element first) when it
/// reads like a headline, else the schema.org headline, else Open Graph / Twitter titles and the document title with
/// the " | Site name" suffix taken off. Meta titles are often rewritten for search engines; the h1 is what the page shows.
/// </summary>
internal static class PageTitle
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

    public static string? Find(IDocument document, string? schemaHeadline, Func<string, string?> meta)
    {
        var siteName = HtmlMetadata.Clean(meta("og:site_name"));
        var metaTitles = new[] { meta("og:title"), meta("twitter:title"), document.Title, schemaHeadline }
            .Select(HtmlMetadata.Clean).OfType<string>().Select(title => WithoutSiteName(title, siteName)).ToList();
        return Headline(document, siteName, metaTitles.Count == 0 ? null : string.Join(' ', metaTitles)) ?? metaTitles.FirstOrDefault();
    }

    // The first visible h1 outside the page's furniture that says what the meta title says (a logo, "Blog" or
    // "Menu" in an h1 does not); without a meta title to compare, the first such h1.
    private static string? Headline(IDocument document, string? siteName, string? metaTitle)
    {
        var metaWords = metaTitle is null ? null : Words(metaTitle).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var h1 in document.QuerySelectorAll("article h1, main h1, [role=main] h1, h1"))
        {
            if (FurnitureElements.IsHidden(h1) || h1.Closest("nav, aside, footer, menu, dialog, [role=navigation], [role=dialog]") is not null) continue;
            var text = HtmlMetadata.Clean(h1.TextContent);
            if (text is null || text.Length < 3 || text.Length > 300) continue;
            if (siteName is not null && string.Equals(text, siteName, StringComparison.OrdinalIgnoreCase)) continue;
            if (metaWords is null) return text;
            var words = Words(text).ToList();
            if (words.Count > 0 && words.Count(metaWords.Contains) * 2 >= words.Count) return text;
        }

        return null;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => word.Trim(',', '.', ':', ';', '!', '?', '"', '\'', '(', ')', '[', ']', '|', '–', '—', '-')).Where(word => word.Length > 0);

    // "Ministers sign the accord | Example News" → "Ministers sign the accord", when the tail is the site's name or short.
    internal static string WithoutSiteName(string title, string? siteName)
    {
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var tail = title[(at + separator.Length)..];
            var isSite = siteName is not null ? tail.Contains(siteName, StringComparison.OrdinalIgnoreCase) || siteName.Contains(tail, StringComparison.OrdinalIgnoreCase)
                : tail.Split(' ').Length <= 3;
            if (isSite) return title[..at].Trim();
        }

        return title;
    }
}
