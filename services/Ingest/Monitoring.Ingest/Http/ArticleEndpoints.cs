using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Storage;

namespace Monitoring.Ingest.Http;

public static class ArticleEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapPost("/", SubmitAsync);
        articles.MapGet("/{articleId}", GetAsync);
        return app;
    }

    /// <summary>JSON (<c>text</c> or <c>html</c>), or a raw <c>text/plain</c> or <c>text/html</c> body with <c>url</c>, <c>title</c> and <c>source</c> in the query.</summary>
    private static async Task<IResult> SubmitAsync(HttpRequest request, ArticleIngestor ingestor, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Missing content type", "Send application/json, text/plain or text/html.");
        }

        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null) return TooLarge(maxBytes);

        Encoding encoding;
        try
        {
            encoding = contentType.Encoding ?? Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", $"The charset '{contentType.Charset}' is not supported.");
        }

        ArticleSubmission submission;
        switch (mediaType.ToLowerInvariant())
        {
            case "application/json":
                SubmitArticleRequest? json;
                try
                {
                    json = JsonSerializer.Deserialize<SubmitArticleRequest>(body, Json);
                }
                catch (JsonException exception)
                {
                    return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", exception.Message);
                }

                if (json is null) return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is JSON null.");
                submission = new ArticleSubmission { Url = json.Url, Title = json.Title, Source = json.Source, PublishedAt = json.PublishedAt, Text = json.Text, Html = json.Html };
                break;
            case "text/plain":
                submission = FromQuery(request) with { Text = encoding.GetString(body) };
                break;
            case "text/html":
                submission = FromQuery(request) with { Html = encoding.GetString(body) };
                break;
            default:
                return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", $"'{mediaType}' is not accepted; send application/json, text/plain or text/html.");
        }

        if (Validate(submission) is { } invalid) return invalid;

        try
        {
            var result = await ingestor.IngestAsync(submission, cancellationToken);
            return Results.Accepted($"/api/articles/{result.ArticleId}", new { result.ArticleId, result.StoryId, result.Duplicate });
        }
        catch (EmptyArticleException exception)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "No article text", exception.Message);
        }
    }

    private static async Task<IResult> GetAsync(string articleId, IArticleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(articleId, cancellationToken) is { } article ? Results.Ok(article) : Results.NotFound();

    private static ArticleSubmission FromQuery(HttpRequest request) => new()
    {
        Url = request.Query["url"],
        Title = request.Query["title"],
        Source = request.Query["source"],
    };

    private static IResult? Validate(ArticleSubmission submission)
    {
        var hasText = !string.IsNullOrWhiteSpace(submission.Text);
        var hasHtml = !string.IsNullOrWhiteSpace(submission.Html);
        if (hasText == hasHtml)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Text or HTML required", "Give exactly one of 'text' or 'html', not empty.");
        }

        if (submission.Url is not null
            && !(Uri.TryCreate(submission.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Invalid url", $"'{submission.Url}' is not an absolute http(s) URL.");
        }

        return null;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is larger, whatever Content-Length said.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Article too large", $"The body exceeds the limit of {maxBytes} bytes.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);
}
