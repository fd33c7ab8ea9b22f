using System.Net.ServerSentEvents;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Preview;
using Monitoring.Alert.Streaming;
using Monitoring.ServiceDefaults.Http;
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
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Alerts").ProducesProblems(401, 403, 429);
        alerts.MapGet("/", ListAsync).Produces<IReadOnlyList<AlertRecord>>().ProducesProblems(400);
        alerts.MapGet("/stream", StreamAsync).Produces<Contracts.AlertRaised>(contentType: "text/event-stream");
        alerts.MapGet("/{alertId}", GetAsync).Produces<AlertRecord>().ProducesProblems(404);
        alerts.MapGet("/{alertId}/article", ArticleAsync).Produces<Contracts.ArticleClassified>().ProducesProblems(404);
        alerts.MapPut("/{alertId}/read", MarkReadAsync).Produces(StatusCodes.Status204NoContent).ProducesProblems(404);
        alerts.MapDelete("/{alertId}/read", MarkUnreadAsync).Produces(StatusCodes.Status204NoContent).ProducesProblems(404);
        alerts.MapPost("/{alertId}/feedback", FeedbackAsync).Produces(StatusCodes.Status204NoContent).ProducesProblems(400, 404, 415, 422);
        alerts.MapDelete("/{alertId}/feedback", ClearFeedbackAsync).Produces(StatusCodes.Status204NoContent).ProducesProblems(404);
        return app;
    }

    /// <summary>The analyst's alerts, newest first, one page at a time (<c>?limit=&amp;after=</c>, <c>Link: rel="next"</c>).</summary>
    private static Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, IAlertStore store, int? limit, string? after, CancellationToken cancellationToken) =>
        PagedList.ReadAsync(http, limit, after, 100, MaxLimit, page => store.ListAsync(user.AnalystId(), page, cancellationToken));

    private static async Task<IResult> GetAsync(string alertId, ClaimsPrincipal user, IAlertStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.AnalystId(), alertId, cancellationToken) is { } alert ? Results.Ok(alert) : NoSuchAlert(alertId);

    /// <summary>
    /// The article that raised the alert as the alert service received it: text, topics with their evidence, actors
    /// with their mentions, coded events with their sentences — what the desk highlights. Kept as long as the recent
    /// articles are (<see cref="AlertOptions.RecentArticlesRetention"/>).
    /// </summary>
    private static async Task<IResult> ArticleAsync(
        string alertId, ClaimsPrincipal user, IAlertStore store, IRecentArticleStore articles, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(user.AnalystId(), alertId, cancellationToken) is not { } alert) return NoSuchAlert(alertId);
        return await articles.GetAsync(alert.ArticleId, cancellationToken) is { } recent
            ? Results.Ok(recent.Article)
            : Results.Problem(
                title: "Article no longer kept",
                detail: $"The article of alert '{alertId}' is older than the recent articles the alert service keeps; its title and link are on the alert.",
                statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> MarkReadAsync(string alertId, ClaimsPrincipal user, IAlertStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        await store.MarkReadAsync(user.AnalystId(), alertId, clock.GetUtcNow(), cancellationToken) ? Results.NoContent() : NoSuchAlert(alertId);

    private static async Task<IResult> MarkUnreadAsync(string alertId, ClaimsPrincipal user, IAlertStore store, CancellationToken cancellationToken) =>
        await store.MarkReadAsync(user.AnalystId(), alertId, null, cancellationToken) ? Results.NoContent() : NoSuchAlert(alertId);

    /// <summary>Server-sent events: one <c>alert</c> event per alert raised for the analyst while connected.</summary>
    private static async Task StreamAsync(HttpContext context, ClaimsPrincipal user, AlertStream stream, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            await using var listener = await stream.OpenAsync(user.AnalystId(), cancellationToken);

            // Headers go out once the instance consumes, so a client that has them gets every alert raised from then on.
            await context.Response.Body.FlushAsync(cancellationToken);
            await SseFormatter.WriteAsync(Events(listener.ReadAllAsync(cancellationToken)), context.Response.Body, cancellationToken);
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
