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
        lines = WithoutSourceTemplate(submission, canonicalUrl: submission.Url, lines);
        return Build(lines, submission.Title, byline: null, submission.Url, submission.PublishedAt, declaredLanguage: null);
    }

    private ExtractedArticle FromHtml(string html, ArticleSubmission submission)
    {
        var baseUri = Uri.TryCreate(submission.Url, UriKind.Absolute, out var uri) ? uri : null;
        using var document = new HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadata.Read(document, baseUri);
        var readable = HtmlMainText.Read(document, baseUri?.ToString() ?? PlaceholderUri);

        var title = HtmlMetadata.Clean(submission.Title) ?? metadata.Title ?? HtmlMetadata.Clean(readable.Title);
        var byline = metadata.Byline ?? HtmlMetadata.Clean(readable.Byline ?? readable.Author);
        var lines = MainTextFilter.Apply(HtmlMainText.Blocks(readable.Content ?? string.Empty), title, byline);

        // Readability occasionally picks a side box or cleans the article away; when the densest paragraph
        // container of the page holds far more text, that container is the article.
        using var second = new HtmlParser().ParseDocument(html);
        if (ParagraphContainer.Find(second) is { } container)
        {
            var alternative = MainTextFilter.Apply(HtmlMainText.Blocks(container.OuterHtml), title, byline);
            if (WordCount(alternative) > 1.4 * WordCount(lines)) lines = alternative;
        }

        // Some pages render the body with script and ship it only as JSON-LD articleBody; prefer it when the
        // markup yielded clearly less.
        if (metadata.ArticleBody is { } articleBody && WordCount(articleBody) > (1.5 * WordCount(lines)) + 20)
        {
            lines = BoilerplateFilter.Clean(articleBody.Split('\n'));
        }

        var canonical = metadata.CanonicalUrl ?? baseUri?.ToString();
        lines = WithoutSourceTemplate(submission, canonical, lines);
        var published = submission.PublishedAt ?? metadata.PublishedAt ?? readable.PublicationDate;
        return Build(lines, title, byline, canonical, published, metadata.Language);
    }

    private IReadOnlyList<string> WithoutSourceTemplate(ArticleSubmission submission, string? canonicalUrl, IReadOnlyList<string> lines)
    {
        if (sourceBoilerplate is null || SourceKey(submission, canonicalUrl) is not { } source) return lines;
        sourceBoilerplate.Observe(source, Lines(submission) is { Count: > 0 } raw ? raw : lines);
        var kept = lines.Where(line => !sourceBoilerplate.IsTemplate(source, line)).ToList();

        // A source whose every line is template has taught us nothing useful about this document.
        return kept.Count > 0 ? kept : lines;
    }

    // Plain text is learnt line by line as submitted; HTML by the text blocks of the whole page, template included.
    private static List<string> Lines(ArticleSubmission submission)
    {
        if (!string.IsNullOrWhiteSpace(submission.Html))
        {
            using var document = new HtmlParser().ParseDocument(submission.Html);
            return HtmlMainText.Blocks(document.Body?.InnerHtml ?? string.Empty).Select(block => block.Text).ToList();
        }

        return (submission.Text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
    }

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
