namespace Monitoring.Ingest.Http;

public sealed record SubmitArticleRequest(string? Url, string? Title, string? Source, DateTimeOffset? PublishedAt, string? Text, string? Html);

public sealed record FetchArticleRequest(string? Url, string? Source, string? Title);
