namespace Monitoring.Ingest.Extraction;

public sealed record ExtractedArticle(string? Title, string Text, string Language, string? CanonicalUrl, DateTimeOffset? PublishedAt);
