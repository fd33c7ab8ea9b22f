namespace Monitoring.Ingest.Http;

public sealed record FetchArticleRequest(string? Url, string? Source, string? Title);
