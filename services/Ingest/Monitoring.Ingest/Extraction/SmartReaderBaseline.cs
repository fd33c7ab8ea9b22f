using SmartReader;

namespace Monitoring.Ingest.Extraction;

/// <summary>Unmodified SmartReader, the library our extraction starts from: the evaluation's point of comparison.</summary>
public static class SmartReaderBaseline
{
    public static ExtractedArticle Extract(string html, string? url = null)
    {
        using var reader = new Reader(Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.ToString() : "https://article.invalid/", html);
        var article = reader.GetArticle();
        var text = article.TextContent ?? string.Empty;
        return new ExtractedArticle(article.Title, text, LanguageDetector.Detect(text), url, article.PublicationDate is { } date ? new DateTimeOffset(date, TimeSpan.Zero) : null)
        {
            Byline = article.Byline ?? article.Author,
            Method = "smartreader",
        };
    }
}
