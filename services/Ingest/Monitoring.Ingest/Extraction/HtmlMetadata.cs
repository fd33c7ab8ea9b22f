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
    /// <summary>The element the title was read from, when the page shows it (its standfirst follows it).</summary>
    internal IElement? Headline { get; init; }

    /// <summary>The page's own summary (meta description), which templates often print under the headline as a dek.</summary>
    internal string? Description { get; init; }

    /// <summary>The author's description declared in JSON-LD, the text of the page's author box.</summary>
    internal string? AuthorBio { get; init; }

    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "article.published", "citation_publication_date", "citation_date",
    ];

    private static readonly string[] AuthorMetaNames = ["author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl", "citation_author", "cxenseparse:author"];

    public static HtmlMetadata Read(IDocument document, Uri? baseUri)
    {
        var metas = MetaTags(document);
        string? Meta(string name) => metas.GetValueOrDefault(name);
        var ld = JsonLdArticle.Find(document);
        var title = PageTitle.Find(document, ld?.Headline, Meta, out var headline);
        var region = HeadlineRegion.Around(document, headline, BoilerplateCues.Default);
        var cues = MetadataCues.Default;
        var byline = PageByline.Labelled(region, cues) ?? Author(document, ld, Meta, cues);
        var published = ParseDate(ld?.DatePublished)
            ?? DateMetaNames.Select(name => ParseDate(Meta(name))).FirstOrDefault(date => date is not null)
            ?? ParseDate(document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content") ?? document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"))
            ?? PublishedMeta(metas);
        var modified = ParseDate(ld?.DateModified) ?? ParseDate(Meta("article:modified_time")) ?? ParseDate(Meta("dateModified"))
            ?? ParseDate(document.QuerySelector("[itemprop=dateModified]")?.GetAttribute("content"));
        var canonical = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), baseUri)
            ?? Absolute(Meta("og:url"), baseUri)
            ?? Absolute(ld?.Url, baseUri);
        var language = Clean(document.DocumentElement.GetAttribute("lang"))
            ?? Clean(Meta("content-language") ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content"))
            ?? Clean(ld?.InLanguage) ?? Clean(Meta("og:locale"));
        var date = PageDate.Find(document, region, published, modified) ?? PageDate.FromUrl(canonical);
        return new HtmlMetadata(title, byline, date, canonical, NormaliseLanguage(language), ld?.ArticleBody) { Headline = headline, Description = Clean(Meta("description") ?? Meta("og:description") ?? Meta("twitter:description")), AuthorBio = ld?.AuthorDescription };
    }

    // Publishing systems name their own date tags ("published", "w-published-date", "publish_time"): any meta tag whose name says published and date or time.
    private static DateTimeOffset? PublishedMeta(Dictionary<string, string> metas)
    {
        foreach (var (name, value) in metas)
        {
            if (name.Contains("publish", StringComparison.OrdinalIgnoreCase)
                && (name.EndsWith("published", StringComparison.OrdinalIgnoreCase) || name.Contains("date", StringComparison.OrdinalIgnoreCase) || name.Contains("time", StringComparison.OrdinalIgnoreCase))
                && (ParseDate(value) ?? AsDate(DateText.First(value))) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    internal static DateTimeOffset? AsDate(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

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

    // A person before an organisation: JSON-LD and meta tags often name the publisher as the author, while the page
    // marks up the person who wrote it.
    private static string? Author(IDocument document, JsonLdArticle? ld, Func<string, string?> meta, MetadataCues cues)
    {
        var declared = PageByline.Clean(ld?.Author);
        if (declared is not null && ld is { AuthorIsOrganisation: false }) return declared;
        var siteName = Clean(meta("og:site_name"));
        var fromMeta = AuthorFromMeta(meta);
        if (fromMeta is not null && !SameName(fromMeta, siteName) && !SameName(fromMeta, declared)) return fromMeta;
        return PageByline.FromMarkup(document, cues) ?? declared ?? fromMeta;
    }

    private static bool SameName(string name, string? other) => other is not null && string.Equals(name, other, StringComparison.OrdinalIgnoreCase);

    private static string? AuthorFromMeta(Func<string, string?> meta)
    {
        foreach (var name in AuthorMetaNames)
        {
            var value = PageByline.Clean(meta(name));
            if (value is not null && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
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
}
