using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitoring.Ingest.Extraction;

/// <summary>Turns a submission (plain text or HTML) into the article's clean main text, title and language.</summary>
public sealed class ArticleExtractor
{
    private const int MaxTitleLength = 200;

    private static readonly string[] NonContentElements =
        ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "figure figcaption"];

    private static readonly string[] BlockSelectors = ["h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre"];

    private readonly HtmlParser _parser = new();

    public ExtractedArticle Extract(ArticleSubmission submission)
    {
        if (!string.IsNullOrWhiteSpace(submission.Html))
        {
            return FromHtml(submission.Html, submission);
        }

        var lines = BoilerplateFilter.Clean((submission.Text ?? string.Empty).Split('\n'));
        return Build(lines, submission.Title, submission.Url, submission.PublishedAt, htmlLanguage: null);
    }

    private ExtractedArticle FromHtml(string html, ArticleSubmission submission)
    {
        using var document = _parser.ParseDocument(html);
        var title = submission.Title
            ?? Meta(document, "og:title")
            ?? document.QuerySelector("h1")?.TextContent
            ?? document.Title;
        var canonical = submission.Url ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        var published = submission.PublishedAt ?? ParseDate(Meta(document, "article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));

        foreach (var element in document.QuerySelectorAll(string.Join(',', NonContentElements)).ToList())
        {
            element.Remove();
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? document.DocumentElement;
        var blocks = root.QuerySelectorAll(string.Join(',', BlockSelectors))
            .Where(block => !block.Ancestors<IElement>().Any(a => BlockSelectors.Contains(a.LocalName)))
            .Select(block => block.TextContent)
            .ToList();
        if (blocks.Count == 0)
        {
            blocks = root.TextContent.Split('\n').ToList();
        }

        var lines = BoilerplateFilter.Clean(blocks);
        return Build(lines, title, canonical, published, document.DocumentElement.GetAttribute("lang"));
    }

    private static ExtractedArticle Build(IReadOnlyList<string> lines, string? title, string? url, DateTimeOffset? publishedAt, string? htmlLanguage)
    {
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        var body = lines.ToList();
        if (body.Count > 0 && title is not null && string.Equals(body[0], title, StringComparison.OrdinalIgnoreCase))
        {
            body.RemoveAt(0);
        }

        var text = string.Join('\n', body);
        title ??= body.Count > 0 ? Shorten(body[0]) : null;
        var language = LanguageDetector.Detect(text);
        if (language == LanguageDetector.Undetermined && htmlLanguage is { Length: >= 2 })
        {
            language = htmlLanguage[..2].ToLowerInvariant();
        }

        return new ExtractedArticle(title, text, language, url, publishedAt);
    }

    private static string Shorten(string line) =>
        line.Length <= MaxTitleLength ? line : line[..line.LastIndexOf(' ', MaxTitleLength)] + "…";

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}'],meta[name='{property}']")?.GetAttribute("content");

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
