using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Monitoring.ServiceDefaults.Http;

/// <summary>
/// Every error body is RFC 9457 problem details with a <c>detail</c> a person can act on: the framework's own
/// refusals (a body that is not JSON, a wrong content type, a route that does not exist, a wrong method) arrive here
/// without one, so it is written from the status and, for a bad request, from what the framework could not read.
/// </summary>
public static class ProblemDefaults
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var failure = context.Exception as BadHttpRequestException
            ?? http.Features.Get<IExceptionHandlerFeature>()?.Error as BadHttpRequestException;
        if (failure is not null) problem.Detail ??= Explain(failure);
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid) problem.Detail ??= string.Join(" ", invalid.Errors.SelectMany(e => e.Value));
        problem.Detail ??= (problem.Status ?? http.Response.StatusCode) switch
        {
            StatusCodes.Status400BadRequest => "The request could not be read; check its parameters and body against /openapi/v1.json.",
            StatusCodes.Status401Unauthorized => "Send your API key in the X-Api-Key header.",
            StatusCodes.Status403Forbidden => "This API key may not do this.",
            StatusCodes.Status404NotFound => $"Nothing at {http.Request.Path}; the endpoints are listed in /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            StatusCodes.Status413PayloadTooLarge => "The body is larger than this endpoint accepts.",
            StatusCodes.Status415UnsupportedMediaType => string.IsNullOrEmpty(http.Request.ContentType)
                ? "Send the body with a Content-Type this endpoint takes (listed in /openapi/v1.json; most take application/json)."
                : $"'{http.Request.ContentType}' is not accepted here; send a content type this endpoint takes (listed in /openapi/v1.json; most take application/json).",
            StatusCodes.Status429TooManyRequests => "Too many requests; retry later.",
            >= 500 => "The service failed to answer; the error is logged with this request's trace id.",
            _ => null,
        };
        if (System.Diagnostics.Activity.Current?.TraceId.ToString() is { } traceId) problem.Extensions.TryAdd("traceId", traceId);
    }

    /// <summary>The framework's message, with what the JSON reader said and where, when the body did not parse.</summary>
    public static string Explain(BadHttpRequestException failure) => failure.InnerException switch
    {
        JsonException json => $"The body is not the JSON this endpoint takes: {json.Message}",
        _ => failure.Message,
    };
}

/// <summary>Turns the framework's <see cref="BadHttpRequestException"/> (unreadable body, wrong content type, unbindable parameter) into its status with problem details.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException failure) return false;
        httpContext.Response.StatusCode = failure.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = failure.StatusCode, Detail = ProblemDefaults.Explain(failure) },
        });
    }
}
