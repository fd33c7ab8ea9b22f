using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Preview;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Paging;
using Monitoring.Storage.Paging;

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
        app.MapGet("/api/feedback", ExportAsync).RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Feedback")
            .Produces<IReadOnlyList<FeedbackVerdict>>().ProducesProblems(400, 401, 403, 429);
        return app;
    }

    /// <summary><c>GET /api/feedback?topic=sanctions&amp;limit=500&amp;after=…</c>: the analyst's verdicts, on alerts tagged with the topic when given, a page at a time.</summary>
    private static Task<IResult> ExportAsync(
        HttpContext http, string? topic, int? limit, string? after, ClaimsPrincipal user, IAlertStore alerts, IRecentArticleStore articles, CancellationToken cancellationToken) =>
        PagedList.ReadAsync(http, limit, after, 500, MaxLimit, async page =>
        {
            var feedback = await alerts.ListFeedbackAsync(user.AnalystId(), topic?.Trim().ToLowerInvariant(), page, cancellationToken);
            var verdicts = new List<FeedbackVerdict>();
            foreach (var alert in feedback.Items)
            {
                var article = (await articles.GetAsync(alert.ArticleId, cancellationToken))?.Article;
                verdicts.Add(new FeedbackVerdict(
                    alert.AlertId, alert.ArticleId, alert.Title, alert.Url, article?.Text, article?.Language, alert.Topics, alert.Countries,
                    alert.RelevantAt is not null, alert.FeedbackComment, (alert.RelevantAt ?? alert.NotRelevantAt)!.Value));
            }

            return new Page<FeedbackVerdict>(verdicts, feedback.Next);
        });
}
