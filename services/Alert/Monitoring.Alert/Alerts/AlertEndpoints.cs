using System.Net.ServerSentEvents;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Streaming;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Alert.Alerts;

/// <summary>The analyst's verdict on an alert: <c>relevant: false</c> stops the story, <c>relevant: true</c> says it was right (and undoes a "not relevant").</summary>
public sealed record AlertFeedback(bool? Relevant, string? Comment);

public static class AlertEndpoints
{
    private const int MaxLimit = 500;
    private const int MaxCommentLength = 2000;

    public static IEndpointRouteBuilder MapAlertQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Alerts");
        alerts.MapGet("/", ListAsync);
        alerts.MapGet("/stream", StreamAsync);
        alerts.MapGet("/{alertId}", GetAsync);
        alerts.MapPost("/{alertId}/feedback", FeedbackAsync);
        alerts.MapDelete("/{alertId}/feedback", ClearFeedbackAsync);
        return app;
    }

    /// <summary>The analyst's alerts, newest first, one page at a time (<c>?limit=&amp;after=</c>, <c>Link: rel="next"</c>).</summary>
    private static Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, IAlertStore store, int? limit, string? after, CancellationToken cancellationToken) =>
        PagedList.ReadAsync(http, limit, after, 100, MaxLimit, page => store.ListAsync(user.AnalystId(), page, cancellationToken));

    private static async Task<IResult> GetAsync(string alertId, ClaimsPrincipal user, IAlertStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.AnalystId(), alertId, cancellationToken) is { } alert ? Results.Ok(alert) : Results.NotFound();

    /// <summary>Server-sent events: one <c>alert</c> event per alert raised for the analyst while connected.</summary>
    private static async Task StreamAsync(HttpContext context, ClaimsPrincipal user, AlertStream stream, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var events = Events(stream.ListenAsync(user.AnalystId(), cancellationToken));

        // Headers go out at once, so a client knows it is listening before the first alert.
        await context.Response.Body.FlushAsync(cancellationToken);
        try
        {
            await SseFormatter.WriteAsync(events, context.Response.Body, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(IAsyncEnumerable<Contracts.AlertRaised> alerts)
    {
        await foreach (var alert in alerts)
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(alert, JsonSerializerOptions.Web), "alert") { EventId = DeliveryIds.Of(alert.AlertId, alert.ArticleCount) };
        }
    }

    private static async Task<IResult> FeedbackAsync(
        string alertId, AlertFeedback feedback, ClaimsPrincipal user, IAlertStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (feedback.Relevant is null || feedback.Comment?.Length > MaxCommentLength)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["relevant"] = [$"relevant (true or false) is required; comment at most {MaxCommentLength} characters."] },
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var recorded = feedback.Relevant == true
            ? await store.MarkRelevantAsync(user.AnalystId(), alertId, feedback.Comment, clock.GetUtcNow(), cancellationToken)
            : await store.MarkNotRelevantAsync(user.AnalystId(), alertId, feedback.Comment, clock.GetUtcNow(), cancellationToken);
        return recorded ? Results.NoContent() : NoSuchAlert(alertId);
    }

    /// <summary>Undoes a verdict either way: the alert counts as never judged. An alert whose delivery the verdict cancelled is not sent again.</summary>
    private static async Task<IResult> ClearFeedbackAsync(string alertId, ClaimsPrincipal user, IAlertStore store, CancellationToken cancellationToken) =>
        await store.ClearFeedbackAsync(user.AnalystId(), alertId, cancellationToken) ? Results.NoContent() : NoSuchAlert(alertId);

    private static IResult NoSuchAlert(string alertId) =>
        Results.Problem(title: "No such alert", detail: $"You have no alert '{alertId}'.", statusCode: StatusCodes.Status404NotFound);
}
