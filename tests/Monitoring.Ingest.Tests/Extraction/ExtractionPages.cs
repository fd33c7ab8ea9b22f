using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>Hand-written pages for the extraction tests: an article of a headline and some paragraphs, and what the extractor reads of it.</summary>
internal static class ExtractionPages
{
    /// <summary>Three sentence-long paragraphs of a story about a harbour, in English.</summary>
    internal const string Paragraphs = """
        <p>The harbour master opened the new quay on Monday, after two years of dredging and a long dispute over the cost.</p>
        <p>Fishing boats will moor on the inner side, while ferries and the larger cargo ships use the deep water outside.</p>
        <p>Local traders expect more visitors in summer, and the town council plans a market on the old quay every Saturday.</p>
        """;

    /// <summary>The text of a page whose body is <paramref name="body"/>, as it is given.</summary>
    internal static string Text(string body, string head = "") =>
        new ArticleExtractor().Extract(new ArticleSubmission { Html = $"<html><head>{head}</head><body>{body}</body></html>" }).Text;

    /// <summary>The text of an article with the headline "The new quay" and <paramref name="inside"/> as its body.</summary>
    internal static string Article(string inside) => Text($"<article><h1>The new quay</h1>{inside}</article>");
}
