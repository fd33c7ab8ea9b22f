using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.ServiceDefaults.Http;

namespace Monitoring.Alert.Sides;

/// <summary>
/// <c>GET /api/stories/{id}/sides</c>: for each meeting the story reports (a pair with events both ways on one day),
/// both sides' accounts and what each reports that the other does not. Served by the alert service, which holds the
/// relation events and the outlet list; the literal segment wins over the desk's forwarding of <c>/api/stories/*</c> to ingest.
/// </summary>
public static class SidesEndpoints
{
    public static IEndpointRouteBuilder MapSidesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stories/{storyId}/sides", async (string storyId, SidesReader reader, CancellationToken cancellationToken) =>
                await reader.ReadAsync(storyId, cancellationToken) is { } sides
                    ? Results.Ok(sides)
                    : Results.Problem(
                        title: "No events between countries",
                        detail: $"The alert service has recorded no event between two countries for story '{storyId}': it keeps a pair's events for the shift windows (97 days by default), and only events whose two actors are countries.",
                        statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Alerts")
            .Produces<StorySides>().ProducesProblems(401, 403, 404, 429);
        return app;
    }
}
