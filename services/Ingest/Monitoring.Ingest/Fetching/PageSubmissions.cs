using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Fetching;

/// <summary>The downloaded document is not a page we can read (an image, a PDF…).</summary>
public sealed class UnsupportedPageException(string? mediaType) : Exception($"The page's content type '{mediaType}' is not HTML or text.");

public static class PageSubmissions
{
    /// <summary>A fetched page as a submission: HTML or plain text, decoded with the page's charset, its final URL unless one is given.</summary>
    public static ArticleSubmission From(FetchedPage page, ArticleSubmission submission)
    {
        var text = page.DecodeText();
        var url = submission.Url ?? page.FinalUri.AbsoluteUri;
        return page.MediaType?.ToLowerInvariant() switch
        {
            "text/plain" => submission with { Url = url, Text = text },
            null or "text/html" or "application/xhtml+xml" => submission with { Url = url, Html = text },
            var other => throw new UnsupportedPageException(other),
        };
    }
}
