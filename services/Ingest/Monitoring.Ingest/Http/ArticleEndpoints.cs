using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Fetching;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Stories;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Ingest.Http;

public static class ArticleEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapPost("/", SubmitAsync).AddEndpointFilter(RecordRejectionAsync)
            .Accepts<ArticleSubmission>("application/json", "application/x-ndjson", "text/plain", "text/html").ProducesProblems(400, 413, 415, 422);
        articles.MapPost("/fetch", FetchAsync).AddEndpointFilter(RecordRejectionAsync).ProducesProblems(400, 415, 422, 502, 504);
        articles.MapGet("/{articleId}", GetAsync).Produces<StoredArticle>().ProducesProblems(404);
        app.MapGet("/api/stories/{storyId}", async (string storyId, StoryAssigner stories, CancellationToken ct) =>
                await stories.GetAsync(storyId, ct) is { } story
                    ? Results.Ok(story)
                    : Problem(StatusCodes.Status404NotFound, "No such story", $"No article belongs to story '{storyId}'."))
            .WithTags("Stories").Produces<StorySummary>().ProducesProblems(404);
        return app;
    }

    /// <summary>
    /// JSON (<c>text</c> or <c>html</c>), a raw <c>text/plain</c> or <c>text/html</c> body with <c>url</c>, <c>title</c> and
    /// <c>source</c> in the query, or an NDJSON batch (<c>application/x-ndjson</c>, one JSON article per line).
    /// </summary>
    private static async Task<IResult> SubmitAsync(
        HttpRequest request, ArticleIngestor ingestor, ChannelActivity activity, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Missing content type", "Send application/json, application/x-ndjson, text/plain or text/html.");
        }

        if (mediaType.Equals(NdjsonBatch.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return await NdjsonBatch.SubmitAsync(request, ingestor, activity, options.Value, cancellationToken);
        }

        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);
        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken, request.ContentLength);
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
                ArticleSubmission? json;
                try
                {
                    json = JsonSerializer.Deserialize<ArticleSubmission>(body, Json);
                }
                catch (JsonException exception)
                {
                    return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", exception.Message);
                }

                if (json is null) return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is JSON null.");
                submission = json;
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
            activity.Ingested(ChannelActivity.Http, result.Duplicate);
            return Results.Accepted($"/api/articles/{result.ArticleId}", new { result.ArticleId, result.StoryId, result.Duplicate, result.OutletCount });
        }
        catch (NotAnArticleException exception)
        {
            return exception.Binary
                ? Problem(StatusCodes.Status415UnsupportedMediaType, "Not text", exception.Message)
                : Problem(StatusCodes.Status422UnprocessableEntity, "No article text", exception.Message);
        }
        catch (BrokerUnavailableException exception)
        {
            return Unavailable(request.HttpContext, exception);
        }
    }

    private static async Task<IResult> GetAsync(string articleId, IArticleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(articleId, cancellationToken) is { } article
            ? Results.Ok(article)
            : Problem(StatusCodes.Status404NotFound, "No such article", $"There is no article '{articleId}'.");

    private static ArticleSubmission FromQuery(HttpRequest request) => new()
    {
        Url = request.Query["url"],
        Title = request.Query["title"],
        Source = request.Query["source"],
    };

    private static IResult? Validate(ArticleSubmission submission) =>
        ValidationError(submission) is { } error ? Problem(StatusCodes.Status422UnprocessableEntity, error.Title, error.Detail) : null;

    internal static (string Title, string Detail)? ValidationError(ArticleSubmission submission)
    {
        var hasText = !string.IsNullOrWhiteSpace(submission.Text);
        var hasHtml = !string.IsNullOrWhiteSpace(submission.Html);
        if (hasText == hasHtml) return ("Text or HTML required", "Give exactly one of 'text' or 'html', not empty.");

        if (submission.Url is not null && !IsHttpUrl(submission.Url, out _))
        {
            return ("Invalid url", $"'{submission.Url}' is not an absolute http(s) URL.");
        }

        return null;
    }

    private static bool IsHttpUrl(string value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Downloads the page at <c>url</c> (through the outbound guard), then ingests it like a pushed HTML page.</summary>
    private static async Task<IResult> FetchAsync(FetchArticleRequest? request, PageFetcher fetcher, HostPoliteness politeness, ArticleIngestor ingestor,
        ChannelActivity activity, IOptions<FeedOptions> feeds, HttpContext http, CancellationToken cancellationToken)
    {
        if (request?.Url is not { } url || !IsHttpUrl(url, out var uri))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Invalid url", "'url' must be an absolute http(s) URL.");
        }

        try
        {
            await politeness.WaitTurnAsync(uri.IdnHost, cancellationToken);
            var page = await fetcher.FetchAsync(uri, feeds.Value.MaxPageBytes, "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8", cancellationToken: cancellationToken);
            var submission = PageSubmissions.From(page, new ArticleSubmission { Source = request.Source ?? uri.Host, Title = request.Title });
            var result = await ingestor.IngestAsync(submission, cancellationToken);
            activity.Ingested(ChannelActivity.Fetch, result.Duplicate);
            return Results.Accepted($"/api/articles/{result.ArticleId}", new { result.ArticleId, result.StoryId, result.Duplicate, result.OutletCount, url = page.FinalUri });
        }
        catch (Exception exception) when (Refusal(exception) is { } refused)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "URL refused", refused.Message);
        }
        catch (Exception exception) when (exception is OutboundResponseTooLargeException or UnsupportedPageException or NotAnArticleException)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Page not ingestible", exception.Message);
        }
        catch (Exception exception) when (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Problem(StatusCodes.Status504GatewayTimeout, "Page timed out", $"{uri} did not answer in time.");
        }
        catch (HttpRequestException exception)
        {
            return Problem(StatusCodes.Status502BadGateway, "Page unavailable", FeedPoller.Describe(exception));
        }
        catch (BrokerUnavailableException exception)
        {
            return Unavailable(http, exception);
        }
    }

    /// <summary>Every refused request counts against its channel, whichever of the many return paths refused it.</summary>
    private static async ValueTask<object?> RecordRejectionAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is ProblemHttpResult problem)
        {
            var request = context.HttpContext.Request;
            var channel = request.Path.Value?.EndsWith("/fetch", StringComparison.Ordinal) == true ? ChannelActivity.Fetch
                : request.ContentType?.StartsWith(NdjsonBatch.MediaType, StringComparison.OrdinalIgnoreCase) == true ? ChannelActivity.Batch
                : ChannelActivity.Http;
            context.HttpContext.RequestServices.GetRequiredService<ChannelActivity>()
                .Rejected(channel, $"{problem.StatusCode} {problem.ProblemDetails.Title}: {problem.ProblemDetails.Detail}");
        }

        return result;
    }

    private static OutboundRequestRefusedException? Refusal(Exception exception) =>
        exception as OutboundRequestRefusedException ?? exception.InnerException as OutboundRequestRefusedException;

    /// <summary>
    /// The body, or null past <paramref name="maxBytes"/> whatever Content-Length said. With its length declared it is
    /// read straight into an array of that size; otherwise, or if more follows than declared, through a pooled chunk: no
    /// 16 KB chunk, growing copies and a final copy per request (3 % of what an article allocated).
    /// </summary>
    internal static async Task<byte[]?> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken, long? declaredLength = null)
    {
        byte[]? exact = null;
        var filled = 0;
        if (declaredLength is { } length && length <= maxBytes && length <= Array.MaxLength)
        {
            exact = length == 0 ? [] : new byte[length];
            int got;
            while (filled < exact.Length && (got = await body.ReadAsync(exact.AsMemory(filled), cancellationToken)) > 0) filled += got;
            if (filled < exact.Length) return exact[..filled];
        }

        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var read = await body.ReadAsync(chunk, cancellationToken);
            if (read == 0 && exact is not null) return exact;
            using var buffer = new MemoryStream();
            if (exact is not null) buffer.Write(exact, 0, filled);
            for (; read > 0; read = await body.ReadAsync(chunk, cancellationToken))
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>503 with Retry-After: the broker is away, nothing was stored, the same request will succeed later.</summary>
    internal static IResult Unavailable(HttpContext http, BrokerUnavailableException exception)
    {
        http.Response.Headers.RetryAfter = ((int)BrokerAvailability.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, "Broker unavailable", exception.Message);
    }

    internal static IResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Article too large", $"The body exceeds the limit of {maxBytes} bytes.");

    internal static IResult Problem(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);
}
