using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Turns a submission (plain text or HTML) into the article's clean main text, title, byline, date, canonical URL
/// and language. An HTML page is parsed once; several strategies propose where the article is
/// (<see cref="ContentCandidates"/>, JSON-LD <c>articleBody</c>), each proposal is read without its furniture and
/// the best is kept (<see cref="CandidateChoice"/>). With a <see cref="SourceBoilerplate"/> it also drops the lines
/// each source repeats across its articles.
/// </summary>
public sealed class ArticleExtractor(SourceBoilerplate? sourceBoilerplate = null)
{
    private const int MaxTitleLength = 200;

    private static readonly HtmlParser Parser = new();

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
        if (!string.IsNullOrWhiteSpace(submission.Html))
        {
            using var document = Parser.ParseDocument(submission.Html);
            StreamedSegments.Complete(document, submission.Html);
            sourceBoilerplate.Observe(source, PageLines(document));
        }
        else
        {
            sourceBoilerplate.Observe(source, TextLines(submission.Text));
        }
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
            lines = WithoutSourceTemplate(source, TextLines(submission.Text), lines);
        }

        return Build(lines, submission.Title, byline: null, submission.Url, submission.PublishedAt, declaredLanguage: null, "text");
    }

    private ExtractedArticle FromHtml(string html, ArticleSubmission submission)
    {
        var baseUri = Uri.TryCreate(submission.Url, UriKind.Absolute, out var uri) ? uri : null;
        using var document = Parser.ParseDocument(html);
        StreamedSegments.Complete(document, html);
        var metadata = HtmlMetadata.Read(document, baseUri);
        var canonical = metadata.CanonicalUrl ?? baseUri?.ToString();
        var source = sourceBoilerplate is null ? null : SourceKey(submission, canonical);
        var title = HtmlMetadata.Clean(submission.Title) ?? metadata.Title;
        var byline = metadata.Byline;

        var chosen = Choose(document, metadata, title, byline);
        var lines = chosen?.Lines ?? [];
        if (source is not null) lines = WithoutSourceTemplate(source, PageLines(document), lines);
        var published = submission.PublishedAt ?? metadata.PublishedAt;
        return Build(lines, title, byline, canonical, published, metadata.Language, chosen?.Method ?? "none");
    }

    private static ReadCandidate? Choose(IDocument document, HtmlMetadata metadata, string? title, string? byline)
    {
        var cues = BoilerplateCues.Default;
        var read = new List<ReadCandidate>(4);
        if (document.Body is { } body)
        {
            foreach (var candidate in ContentCandidates.Find(body, cues))
            {
                var reading = HtmlMainText.Read(candidate.Containers, cues);
                var lines = MainTextFilter.Apply(reading.Blocks, title, byline, cues, out var listLines);
                read.Add(CandidateChoice.Measure(candidate.Method, lines, listLines) with { Containers = candidate.Containers });
            }
        }

        if (metadata.ArticleBody is { } articleBody)
        {
            read.Add(CandidateChoice.Measure("jsonld", BoilerplateFilter.Clean(articleBody.Split('\n')), listLines: null));
        }

        if (read.Count == 0) return null;
        var chosen = CandidateChoice.Choose(read);
        if (chosen.Containers.Count > 0) chosen = chosen with { Lines = DropCaps.Restored(chosen.Lines, chosen.Containers[0]) };
        var lead = LeadParagraphs.Before(metadata.Headline, metadata.Description, chosen.Containers, chosen.Lines, cues);
        IReadOnlyList<string> text = lead.Count == 0 ? chosen.Lines : [.. lead, .. chosen.Lines];
        text = chosen.Method == "jsonld" ? text : ArticleBodyBounds.Trim(text, metadata.ArticleBody);
        return chosen with { Lines = ClosingBio.Without(AuthorBio.Without(text, metadata.AuthorBio), byline) };
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
    private static List<string> TextLines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    private static List<string> PageLines(IDocument document) =>
        document.Body is { } body ? HtmlMainText.Blocks(body).Select(block => block.Text).ToList() : [];

    internal static string? SourceKey(ArticleSubmission submission, string? canonicalUrl)
    {
        if (!string.IsNullOrWhiteSpace(submission.Source)) return submission.Source.Trim();
        var url = submission.Url ?? canonicalUrl;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;
    }

    private static ExtractedArticle Build(IReadOnlyList<string> lines, string? title, string? byline, string? url, DateTimeOffset? publishedAt, string? declaredLanguage, string method)
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

        return new ExtractedArticle(title, text, language, url, publishedAt) { Byline = byline, Method = method };
    }

    /// <summary>A first line too long for a title, cut at its last space before the limit, or at the limit when it has none.</summary>
    private static string Shorten(string line)
    {
        if (line.Length <= MaxTitleLength) return line;
        var space = line.LastIndexOf(' ', MaxTitleLength);
        return line[..(space > 0 ? space : MaxTitleLength)] + "…";
    }
}
