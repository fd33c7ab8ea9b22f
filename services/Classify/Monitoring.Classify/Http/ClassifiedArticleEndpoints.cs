using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Classify.Articles;

namespace Monitoring.Classify.Http;

public static class ClassifiedArticleEndpoints
{
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapClassifiedArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", ListAsync);
        events.MapGet("/{articleId}", GetAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(IClassifiedArticleStore store, string? country, string? topic, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Results.Problem(title: "Invalid limit", detail: $"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok(await store.ListAsync(new ClassifiedArticleQuery(country?.ToUpperInvariant(), topic, limit ?? 50), cancellationToken));
    }

    private static async Task<IResult> GetAsync(string articleId, IClassifiedArticleStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(articleId, cancellationToken) is { } document ? Results.Ok(document) : Results.NotFound();
}
