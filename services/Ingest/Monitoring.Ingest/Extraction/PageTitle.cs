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
        var metaTitle = HtmlMetadata.Clean(schemaHeadline) ?? HtmlMetadata.Clean(meta("og:title")) ?? HtmlMetadata.Clean(meta("twitter:title")) ?? HtmlMetadata.Clean(document.Title);
        if (Headline(document, siteName) is { } headline) return headline;
        return metaTitle is null ? null : WithoutSiteName(metaTitle, siteName);
    }

    private static string? Headline(IDocument document, string? siteName)
    {
        foreach (var h1 in document.QuerySelectorAll("article h1, main h1, [role=main] h1, h1"))
        {
            if (FurnitureElements.IsHidden(h1)) continue;
            var text = HtmlMetadata.Clean(h1.TextContent);
            if (text is null || text.Length < 3 || text.Length > 300) continue;

            // A logo in an h1 ("Example News") is the site, not the article.
            if (siteName is not null && string.Equals(text, siteName, StringComparison.OrdinalIgnoreCase)) continue;
            return text;
        }

        return null;
    }

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
