using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using Monitoring.Storage.Paging;

namespace Monitoring.ServiceDefaults.Paging;

/// <summary>
/// Cursor paging for every list endpoint: <c>?limit=</c> (1 to the endpoint's maximum) and <c>?after=</c> (the cursor of the
/// previous page). The body stays a JSON array, the page's items in the list's stable order; when more follow, the answer
/// carries <c>Link: &lt;…?after=…&amp;limit=…&gt;; rel="next"</c> (RFC 8288), the same query with the next cursor.
/// </summary>
public static class PagedList
{
    public const string AfterParameter = "after";

    /// <summary>
    /// Validates the paging parameters, reads the page and answers it; 400 with a problem a person can act on when the
    /// limit is out of range or the cursor is not one of this list's.
    /// </summary>
    public static async Task<IResult> ReadAsync<T>(
        HttpContext http, int? limit, string? after, int defaultLimit, int maxLimit, Func<PageRequest, Task<Page<T>>> read)
    {
        if (limit is < 1 || limit > maxLimit)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {maxLimit}."] },
                detail: $"limit must be between 1 and {maxLimit}.", title: "Invalid limit");
        }

        if (after is { Length: 0 } or { Length: > 1024 }) return InvalidCursor(after);
        Page<T> page;
        try
        {
            page = await read(new PageRequest(limit ?? defaultLimit, after));
        }
        catch (InvalidCursorException exception)
        {
            return InvalidCursorProblem(exception.Message);
        }

        if (page.Next is { } next) http.Response.Headers.Append("Link", $"<{NextUri(http.Request, next, limit ?? defaultLimit)}>; rel=\"next\"");
        return Results.Ok(page.Items);
    }

    /// <summary>The request's own path and query, with <c>after</c> moved on and <c>limit</c> kept: relative, so it holds behind any proxy.</summary>
    public static string NextUri(HttpRequest request, string next, int limit)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key.Equals(AfterParameter, StringComparison.OrdinalIgnoreCase) || key.Equals("limit", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in (StringValues)values) query.Add(key, value ?? "");
        }

        query.Add("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add(AfterParameter, next);
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }

    private static IResult InvalidCursor(string? after) => InvalidCursorProblem(new InvalidCursorException(after ?? "").Message);

    private static IResult InvalidCursorProblem(string detail) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [AfterParameter] = [detail] }, detail: detail, title: "Invalid cursor");
}
