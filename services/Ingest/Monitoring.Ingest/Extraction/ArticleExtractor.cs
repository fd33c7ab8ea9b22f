using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Turns a submission (plain text or HTML) into the article's clean main text, title, byline, date, canonical URL
/// and language. With a <see cref="SourceBoilerplate"/> it also drops the lines each source repeats across its articles.
/// </summary>
public sealed class ArticleExtractor(SourceBoilerplate? sourceBoilerplate = null)
{
    private const int MaxTitleLength = 200;

    // Used only to resolve relative links; SmartReader needs an absolute URI even when the page came from a file.
    private const string PlaceholderUri = "https://article.invalid/";

    public ArticleExtractor()
        : this(null)
    {
    }

    /// <summary>
    /// Lets the source model see a document without extracting it, so that a batch (<c>monitor extract</c> over many
    /// files of one source) can learn the template before extracting the first one. <see cref="Extract"/> learns too.
    /// </summary>
    public void Learn(ArticleSubmission submission)
    {
        if (sourceBoilerplate is null || SourceKey(submission, canonicalUrl: null) is not { } source) return;
        sourceBoilerplate.Observe(source, Lines(submission));
    }

    public ExtractedArticle Extract(ArticleSubmission submission)
    {
        if (!string.IsNullOrWhiteSpace(submission.Html))
        {
            return FromHtml(submission.Html, submission);
        }

        var lines = BoilerplateFilter.Clean((submission.Text ?? string.Empty).Split('\n'));
        if (sourceBoilerplate is not null && SourceKey(submission, submission.Url) is { } source)
        {
            lines = WithoutSourceTemplate(source, Lines(submission), lines);
        }

        return Build(lines, submission.Title, byline: null, submission.Url, submission.PublishedAt, declaredLanguage: null);
    }

    private ExtractedArticle FromHtml(string html, ArticleSubmission submission)
    {
        var baseUri = Uri.TryCreate(submission.Url, UriKind.Absolute, out var uri) ? uri : null;
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var metadata = HtmlMetadata.Read(document, baseUri);
        var canonical = metadata.CanonicalUrl ?? baseUri?.ToString();
        var source = sourceBoilerplate is null ? null : SourceKey(submission, canonical);

        // SmartReader rewrites the document it reads, so the other readings work on a second parse.
        using var pristine = parser.ParseDocument(html);
        var pageLines = source is null ? null : PageLines(pristine);
        var readable = HtmlMainText.Read(document, baseUri?.ToString() ?? PlaceholderUri);

        var title = HtmlMetadata.Clean(submission.Title) ?? metadata.Title ?? HtmlMetadata.Clean(readable.Title);
        var byline = metadata.Byline ?? HtmlMetadata.Clean(readable.Byline ?? readable.Author);
        var lines = MainTextFilter.Apply(HtmlMainText.Blocks(readable.Content ?? string.Empty), title, byline);

        // Readability occasionally picks a side box or cleans the article away; when the densest paragraph
        // container of the page holds far more text, that container is the article.
        if (ParagraphContainer.Find(pristine) is { } container)
        {
            var alternative = MainTextFilter.Apply(HtmlMainText.Blocks(container), title, byline);
            if (WordCount(alternative) > 2 * WordCount(lines)) lines = alternative;
        }

        // Some pages render the body with script and ship it only as JSON-LD articleBody; prefer it when the
        // markup yielded clearly less.
        if (metadata.ArticleBody is { } articleBody && WordCount(articleBody) > (1.5 * WordCount(lines)) + 20)
        {
            lines = BoilerplateFilter.Clean(articleBody.Split('\n'));
        }

        if (source is not null) lines = WithoutSourceTemplate(source, pageLines!, lines);
        var published = submission.PublishedAt ?? metadata.PublishedAt ?? readable.PublicationDate;
        return Build(lines, title, byline, canonical, published, metadata.Language);
    }

    private IReadOnlyList<string> WithoutSourceTemplate(string source, IReadOnlyList<string> documentLines, IReadOnlyList<string> lines)
    {
        sourceBoilerplate!.Observe(source, documentLines);
        var kept = lines.Where(line => !sourceBoilerplate.IsTemplate(source, line)).ToList();

        // A document made only of lines seen elsewhere (a re-post, a stub) keeps them rather than becoming empty.
        return kept.Count > 0 ? kept : lines;
    }

    // What the source model learns from: plain text line by line as submitted, HTML by every text block of the
    // page, template included. Learn and Extract must see the same lines, so one document counts once.
    private static List<string> Lines(ArticleSubmission submission)
    {
        if (!string.IsNullOrWhiteSpace(submission.Html))
        {
            using var document = new HtmlParser().ParseDocument(submission.Html);
            return PageLines(document);
        }

        return (submission.Text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
    }

    private static List<string> PageLines(IHtmlDocument document) =>
        document.Body is { } body ? HtmlMainText.Blocks(body).Select(block => block.Text).ToList() : [];

    private static string? SourceKey(ArticleSubmission submission, string? canonicalUrl)
    {
        if (!string.IsNullOrWhiteSpace(submission.Source)) return submission.Source.Trim();
        var url = submission.Url ?? canonicalUrl;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;
    }

    private static ExtractedArticle Build(IReadOnlyList<string> lines, string? title, string? byline, string? url, DateTimeOffset? publishedAt, string? declaredLanguage)
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
        if (language == LanguageDetector.Undetermined && declaredLanguage is not null)
        {
            language = declaredLanguage;
        }

        return new ExtractedArticle(title, text, language, url, publishedAt) { Byline = byline };
    }

    private static int WordCount(IEnumerable<string> lines) => lines.Sum(WordCount);

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Shorten(string line) =>
        line.Length <= MaxTitleLength ? line : line[..line.LastIndexOf(' ', MaxTitleLength)] + "…";
}
