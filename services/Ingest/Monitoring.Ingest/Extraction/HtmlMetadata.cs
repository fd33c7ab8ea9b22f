using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// What a page says about its article outside the body text: schema.org JSON-LD first (publishers fill it for
/// search engines, so it is the most reliable), then Open Graph / Dublin Core / article meta tags, then markup
/// (<c>&lt;time&gt;</c>, <c>rel=author</c>, <c>h1</c>).
/// </summary>
public sealed partial record HtmlMetadata(
    string? Title, string? Byline, DateTimeOffset? PublishedAt, string? CanonicalUrl, string? Language, string? ArticleBody)
{
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "article.published", "citation_publication_date", "citation_date",
    ];

    private static readonly string[] AuthorMetaNames = ["author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl", "citation_author"];

    public static HtmlMetadata Read(IDocument document, Uri? baseUri)
    {
        var ld = JsonLdArticle.Find(document);
        var title = Clean(ld?.Headline) ?? Clean(Meta(document, "og:title")) ?? Clean(Meta(document, "twitter:title"))
            ?? Clean(document.QuerySelector("article h1, main h1, h1")?.TextContent) ?? Clean(document.Title);
        var byline = ld?.Author ?? AuthorFromMeta(document) ?? AuthorFromMarkup(document);
        var published = ParseDate(ld?.DatePublished)
            ?? DateMetaNames.Select(name => ParseDate(Meta(document, name))).FirstOrDefault(date => date is not null)
            ?? ParseDate(document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content") ?? document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"))
            ?? ParseDate(document.QuerySelector("article time[datetime], time[pubdate][datetime], time[datetime]")?.GetAttribute("datetime"));
        var canonical = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), baseUri)
            ?? Absolute(Meta(document, "og:url"), baseUri)
            ?? Absolute(ld?.Url, baseUri);
        var language = Clean(document.DocumentElement.GetAttribute("lang"))
            ?? Clean(Meta(document, "content-language") ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content"))
            ?? Clean(ld?.InLanguage) ?? Clean(Meta(document, "og:locale"));
        return new HtmlMetadata(title, byline, published, canonical, NormaliseLanguage(language), ld?.ArticleBody);
    }

    public static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(meta.GetAttribute("content")))
            {
                return meta.GetAttribute("content");
            }
        }

        return null;
    }

    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return date;

        // "20240516", "2024-05-16 08:30:00 +0800" and Unix seconds appear in the wild as well.
        if (DateTimeOffset.TryParseExact(value, ["yyyyMMdd", "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss zz00", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)) return date;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 631_152_000 and < 4_102_444_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static string? AuthorFromMeta(IDocument document)
    {
        foreach (var name in AuthorMetaNames)
        {
            var value = Clean(Meta(document, name));
            if (value is not null && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
    }

    private static string? AuthorFromMarkup(IDocument document)
    {
        var element = document.QuerySelector("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], [class*=byline i] [class*=author i], [class*=byline i], [class*=author-name i]");
        var text = Clean(element?.TextContent);
        if (text is null || text.Length > 100) return null;
        return Clean(ByPrefix().Replace(text, string.Empty));
    }

    private static string? Absolute(string? url, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        return baseUri is not null && Uri.TryCreate(baseUri, url.Trim(), out var resolved) ? resolved.ToString() : null;
    }

    private static string? NormaliseLanguage(string? language)
    {
        if (language is null) return null;
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var clean = Whitespace().Replace(System.Net.WebUtility.HtmlDecode(value), " ").Trim();
        return clean.Length == 0 ? null : clean;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(by|von|par|por|di|door|av)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    /// <summary>The schema.org Article (NewsArticle, BlogPosting, …) a page describes itself with, if any.</summary>
    private sealed record JsonLdArticle(string? Headline, string? Author, string? DatePublished, string? Url, string? InLanguage, string? ArticleBody)
    {
        public static JsonLdArticle? Find(IDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (Candidates(json.RootElement).FirstOrDefault(IsArticle) is { ValueKind: JsonValueKind.Object } article)
                    {
                        return new JsonLdArticle(
                            Clean(String(article, "headline") ?? String(article, "name")),
                            Names(article.TryGetProperty("author", out var author) ? author : default),
                            String(article, "datePublished") ?? String(article, "dateCreated"),
                            String(article, "url") ?? (article.TryGetProperty("mainEntityOfPage", out var page) ? String(page, "@id") ?? (page.ValueKind == JsonValueKind.String ? page.GetString() : null) : null),
                            String(article, "inLanguage"),
                            String(article, "articleBody"));
                    }
                }
                catch (JsonException)
                {
                    // Hand-written JSON-LD is often broken; the meta tags remain.
                }
            }

            return null;
        }

        private static IEnumerable<JsonElement> Candidates(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var candidate in Candidates(item)) yield return candidate;
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                yield return element;
                if (element.TryGetProperty("@graph", out var graph))
                {
                    foreach (var candidate in Candidates(graph)) yield return candidate;
                }

                if (element.TryGetProperty("mainEntity", out var main))
                {
                    foreach (var candidate in Candidates(main)) yield return candidate;
                }
            }
        }

        private static bool IsArticle(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var type)) return false;
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
            return types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "LiveBlogPosting" or "SocialMediaPosting" or "Report" or "NewsArticle");
        }

        private static string? String(JsonElement element, string property) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        private static string? Names(JsonElement author)
        {
            var names = author.ValueKind switch
            {
                JsonValueKind.String => [author.GetString()],
                JsonValueKind.Object => [String(author, "name")],
                JsonValueKind.Array => author.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : String(a, "name")).ToList(),
                _ => new List<string?>(),
            };
            var clean = names.Select(Clean).OfType<string>().Where(n => !n.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
            return clean.Count == 0 ? null : string.Join(", ", clean);
        }
    }
}
