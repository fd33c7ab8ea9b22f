using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Classify.Articles;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Classify.Http;

public static class ClassifiedArticleEndpoints
{
    private const int MaxLimit = 500;
    public const string Route = "/api/classified-articles";

    /// <summary>Where classified articles were listed before "events" meant CAMEO events only. Kept for one release.</summary>
    public const string DeprecatedRoute = "/api/events";

    /// <summary>RFC 9745: the alias is deprecated since 2026-12-01.</summary>
    private const string DeprecatedSince = "@1796083200";

    /// <summary><c>GET /api/classified-articles?country=RUS&amp;topic=…&amp;limit=…&amp;after=…</c>, newest first, and <c>GET /api/classified-articles/{articleId}</c>.</summary>
    public static IEndpointRouteBuilder MapClassifiedArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup(Route).WithTags("Classified articles");
        articles.MapGet("/", ListAsync).Produces<IReadOnlyList<ClassifiedArticle>>().ProducesProblems(400);
        articles.MapGet("/{articleId}", GetAsync).Produces<ClassifiedArticle>().ProducesProblems(404);

        var alias = app.MapGroup(DeprecatedRoute).WithTags("Classified articles").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers["Deprecation"] = DeprecatedSince;
            headers.Link = $"<{Route}>; rel=\"successor-version\"";
            return await next(context);
        });
        alias.MapGet("/", ListAsync).Produces<IReadOnlyList<ClassifiedArticle>>().ProducesProblems(400);
        alias.MapGet("/{articleId}", GetAsync).Produces<ClassifiedArticle>().ProducesProblems(404);
        return app;
    }

    /// <summary>Newest first, one page at a time (<c>?limit=&amp;after=</c>, <c>Link: rel="next"</c>).</summary>
    private static Task<IResult> ListAsync(HttpContext http, IClassifiedArticleStore store, string? country, string? topic, string? story, int? limit, string? after,
        CancellationToken cancellationToken) =>
        PagedList.ReadAsync(http, limit, after, 50, MaxLimit, page => store.ListAsync(
            new ClassifiedArticleQuery(country?.ToUpperInvariant(), topic, page.Limit, string.IsNullOrWhiteSpace(story) ? null : story.Trim(), page.After), cancellationToken));

    private static async Task<IResult> GetAsync(string articleId, IClassifiedArticleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(articleId, cancellationToken) is { } document
            ? Results.Ok(document)
            : Results.Problem(title: "No such article", detail: $"No classified article '{articleId}'.", statusCode: StatusCodes.Status404NotFound);
}
