using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Ingest.Sources;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Ingest.Http;

/// <summary><c>/api/sources</c>: the feeds ingest polls and what each did; admin key only.</summary>
public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/sources").WithTags("Sources").AddEndpointFilter<AdminApiKeyFilter>()
            .WithMetadata(new RequiresApiKeyMetadata()).ProducesProblems(401, 403);
        sources.MapGet("/", (HttpContext http, ISourceStore store, int? limit, string? after, CancellationToken ct) =>
            PagedList.ReadAsync(http, limit, after, 100, 500, page => store.ListAsync(page, ct))).Produces<IReadOnlyList<FeedSource>>().ProducesProblems(400);
        sources.MapGet("/{id}", async (string id, ISourceStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } source ? Results.Ok(source) : NotFound(id)).Produces<FeedSource>().ProducesProblems(404);
        sources.MapPost("/", CreateAsync).Produces<FeedSource>(StatusCodes.Status201Created).ProducesProblems(400, 409, 415, 422);
        sources.MapPut("/{id}", UpdateAsync).Produces<FeedSource>().ProducesProblems(400, 404, 415, 422);
        sources.MapDelete("/{id}", async (string id, ISourceStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id)).Produces(StatusCodes.Status204NoContent).ProducesProblems(404);
        sources.MapPost("/{id}/poll", PollAsync).ProducesProblems(404, 409);
        app.MapGet("/api/channels", (ChannelActivity activity) => Results.Ok(activity.Snapshot()))
            .WithTags("Sources").AddEndpointFilter<AdminApiKeyFilter>().WithMetadata(new RequiresApiKeyMetadata()).ProducesProblems(401, 403);
        return app;
    }

    private static async Task<IResult> CreateAsync(FeedSourceDefinition? definition, SourceCatalog catalog, ISourceStore store, CancellationToken ct)
    {
        if (definition is null) return Invalid("The body must be a JSON object.");
        FeedSource source;
        try
        {
            source = await catalog.BuildAsync(definition, null, "api", ct);
        }
        catch (InvalidSourceException exception)
        {
            return Invalid(exception.Message);
        }

        return await store.TryCreateAsync(source, ct)
            ? Results.Created($"/api/sources/{source.Id}", source)
            : Results.Problem(title: "Source exists", detail: $"A source with id '{source.Id}' exists; PUT /api/sources/{source.Id} changes it.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> UpdateAsync(string id, FeedSourceDefinition? definition, SourceCatalog catalog, ISourceStore store, CancellationToken ct)
    {
        if (definition is null) return Invalid("The body must be a JSON object.");
        try
        {
            var source = await catalog.BuildAsync(definition, id, "api", ct);
            return await store.UpdateDefinitionAsync(source, ct) ? Results.Ok(await store.GetAsync(id, ct)) : NotFound(id);
        }
        catch (InvalidSourceException exception)
        {
            return Invalid(exception.Message);
        }
    }

    /// <summary>Polls now, whatever the schedule, and answers with the source's new status.</summary>
    private static async Task<IResult> PollAsync(string id, ISourceStore store, FeedPoller poller, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } source) return NotFound(id);
        try
        {
            await poller.PollAsync(source, ct);
        }
        catch (PollInProgressException exception)
        {
            return Results.Problem(title: "Poll in progress", detail: exception.Message, statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Ok(await store.GetAsync(id, ct));
    }

    private static IResult NotFound(string id) => Results.Problem(title: "No such source", detail: $"There is no source '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Invalid(string detail) => Results.Problem(title: "Invalid source", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);
}
