using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Preview;

namespace Monitoring.Alert.Alerts;

/// <summary>
/// One verdict as exported: the alert, the article's title and text (while the article is still among the recent
/// ones), the topics it was tagged with, and whether the analyst found it relevant. <c>monitor evaluate --feedback</c>
/// reads a file of these to score a taxonomy against what analysts said.
/// </summary>
public sealed record FeedbackVerdict(
    string AlertId, string ArticleId, string? Title, string? Url, string? Text, string? Language, IReadOnlyList<string> Topics, IReadOnlyList<string> Countries,
    bool Relevant, string? Comment, DateTimeOffset At);

public static class FeedbackEndpoints
{
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feedback", ExportAsync).RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Feedback");
        return app;
    }

    /// <summary><c>GET /api/feedback?topic=sanctions&amp;limit=500</c>: the analyst's verdicts, on alerts tagged with the topic when given.</summary>
    private static async Task<IResult> ExportAsync(
        string? topic, int? limit, ClaimsPrincipal user, IAlertStore alerts, IRecentArticleStore articles, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Results.Problem(title: "Invalid limit", detail: $"limit must be between 1 and {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var verdicts = new List<FeedbackVerdict>();
        foreach (var alert in await alerts.ListFeedbackAsync(user.AnalystId(), topic?.Trim().ToLowerInvariant(), limit ?? 500, cancellationToken))
        {
            var article = (await articles.GetAsync(alert.ArticleId, cancellationToken))?.Article;
            verdicts.Add(new FeedbackVerdict(
                alert.AlertId, alert.ArticleId, alert.Title, alert.Url, article?.Text, article?.Language, alert.Topics, alert.Countries,
                alert.RelevantAt is not null, alert.FeedbackComment, (alert.RelevantAt ?? alert.NotRelevantAt)!.Value));
        }

        return Results.Ok(verdicts);
    }
}
