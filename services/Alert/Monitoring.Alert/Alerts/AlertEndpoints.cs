using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Analysts;

namespace Monitoring.Alert.Alerts;

public static class AlertEndpoints
{
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAlertQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Alerts");
        alerts.MapGet("/", ListAsync);
        alerts.MapGet("/{alertId}", GetAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IAlertStore store, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Results.Problem(title: "Invalid limit", detail: $"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok(await store.ListAsync(user.AnalystId(), limit ?? 100, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string alertId, ClaimsPrincipal user, IAlertStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.AnalystId(), alertId, cancellationToken) is { } alert ? Results.Ok(alert) : Results.NotFound();
}
