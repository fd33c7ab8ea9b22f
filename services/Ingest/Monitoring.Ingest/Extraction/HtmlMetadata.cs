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
        var metas = MetaTags(document);
        string? Meta(string name) => metas.GetValueOrDefault(name);
        var ld = JsonLdArticle.Find(document);
        var title = PageTitle.Find(document, ld?.Headline, Meta);
        var byline = CleanByline(ld?.Author) ?? AuthorFromMeta(Meta) ?? AuthorFromMarkup(document);
        var published = ParseDate(ld?.DatePublished)
            ?? DateMetaNames.Select(name => ParseDate(Meta(name))).FirstOrDefault(date => date is not null)
            ?? ParseDate(document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content") ?? document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"));
        var modified = ParseDate(ld?.DateModified) ?? ParseDate(Meta("article:modified_time")) ?? ParseDate(Meta("dateModified"))
            ?? ParseDate(document.QuerySelector("[itemprop=dateModified]")?.GetAttribute("content"));
        var canonical = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), baseUri)
            ?? Absolute(Meta("og:url"), baseUri)
            ?? Absolute(ld?.Url, baseUri);
        var language = Clean(document.DocumentElement.GetAttribute("lang"))
            ?? Clean(Meta("content-language") ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content"))
            ?? Clean(ld?.InLanguage) ?? Clean(Meta("og:locale"));
        return new HtmlMetadata(title, byline, PageDate.Find(document, published, modified), canonical, NormaliseLanguage(language), ld?.ArticleBody);
    }

    // Every named meta tag once (the first of a name wins), instead of one scan of the page per name looked up.
    private static Dictionary<string, string> MetaTags(IDocument document)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var content = meta.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content)) metas.TryAdd(key, content);
        }

        return metas;
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

    private static string? AuthorFromMeta(Func<string, string?> meta)
    {
        foreach (var name in AuthorMetaNames)
        {
            var value = CleanByline(meta(name));
            if (value is not null && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
    }

    // "By Jane Doe" → "Jane Doe"; a bare "By" is no name.
    private static string? CleanByline(string? value) => Clean(value) is { } clean ? Clean(ByPrefix().Replace(clean, string.Empty)) : null;

    // Readability's byline rule: the first short element marked as author or byline (rel, microdata, class or id) that reads as a name.
    private static string? AuthorFromMarkup(IDocument document)
    {
        foreach (var selector in MarkupAuthorSelectors)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                if (element.TextContent.Length > 200) continue;
                if (CleanByline(element.TextContent) is { Length: >= 3 and <= 80 } name && LooksLikeName(name)) return name;
            }
        }

        return null;
    }

    private static readonly string[] MarkupAuthorSelectors =
    [
        "[itemprop=author] [itemprop=name]", "[rel=author]", "[itemprop=author]", "[class*=byline i] [class*=author i]", "[class*=author-name i], [class*=authorname i]",
        "[class*=byline i], [class*=author i], [id*=author i], [class*=writtenby i]",
    ];

    // A name, not a label or a sentence: a few words, no digits or address signs.
    private static bool LooksLikeName(string text) =>
        text.Split(' ').Length <= 6 && !text.Any(c => char.IsDigit(c) || c is '@' or '/' or '|' or ':') && char.IsUpper(text[0]);

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

    [GeneratedRegex(@"^(written by|posted by|by|von|par|por|di|door|av|автор)(\s+|:\s*|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    /// <summary>The schema.org Article (NewsArticle, BlogPosting, …) a page describes itself with, if any.</summary>
    private sealed record JsonLdArticle(string? Headline, string? Author, string? DatePublished, string? DateModified, string? Url, string? InLanguage, string? ArticleBody)
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
                            String(article, "dateModified"),
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

        private static bool IsOrganisation(JsonElement element) => String(element, "@type") is "Organization" or "NewsMediaOrganization" or "Corporation";

        private static string? Names(JsonElement author)
        {
            var names = author.ValueKind switch
            {
                JsonValueKind.String => [author.GetString()],
                JsonValueKind.Object => [String(author, "name")],
                // A person named beside the publishing organisation is the author; the organisation alone is the byline only when no one is named.
                JsonValueKind.Array => author.EnumerateArray().Where(a => !IsOrganisation(a)).Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : String(a, "name")).DefaultIfEmpty(author.EnumerateArray().Select(a => String(a, "name")).FirstOrDefault()).ToList(),
                _ => new List<string?>(),
            };
            var clean = names.Select(Clean).OfType<string>().Where(n => !n.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
            return clean.Count == 0 ? null : string.Join(", ", clean);
        }
    }
}
