using Microsoft.Extensions.Options;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Preview;

/// <summary>One article a previewed query would have matched, with why: the query terms it satisfies and the evidence of its topics.</summary>
public sealed record PreviewMatch(
    string ArticleId, string? Title, string? Url, DateTimeOffset ReceivedAt, IReadOnlyList<TopicScore> Topics, IReadOnlyList<string> Countries, IReadOnlyList<string> Terms);

/// <summary>What a query would have matched: the matches (newest first, at most the limit), how many articles were tried, and whether the scan stopped early.</summary>
public sealed record PreviewResult(int Days, int Scanned, int Matched, bool Truncated, IReadOnlyList<PreviewMatch> Matches);

/// <summary>
/// Runs a subscription that is not saved over the recent articles, bounded in time (at most
/// <see cref="AlertOptions.PreviewMaxDays"/> days back), in size (at most <see cref="AlertOptions.PreviewMaxArticles"/>
/// articles read, <see cref="AlertOptions.PreviewMaxMatches"/> matches returned) and in duration, so an analyst sees
/// before saving whether a query is too broad or never fires.
/// </summary>
public sealed class SubscriptionPreview(IRecentArticleStore articles, IOptions<AlertOptions> options, TimeProvider clock)
{
    public async Task<PreviewResult> RunAsync(Subscription subscription, int days, int limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = CompiledSubscription.QueryOf(subscription);
        var recent = await articles.ListAsync(clock.GetUtcNow().AddDays(-days), settings.PreviewMaxArticles, cancellationToken);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.PreviewTimeout);
        var matches = new List<PreviewMatch>();
        int scanned = 0, matched = 0;
        foreach (var article in recent)
        {
            if (budget.IsCancellationRequested) break;
            scanned++;
            var matchable = MatchableArticle.From(article.Article);
            if (!query.Matches(matchable)) continue;
            matched++;
            if (matches.Count < limit) matches.Add(Match(article, query, matchable));
        }

        var truncated = scanned < recent.Count || recent.Count == settings.PreviewMaxArticles;
        return new PreviewResult(days, scanned, matched, truncated, matches);
    }

    private static PreviewMatch Match(RecentArticle recent, QueryNode query, MatchableArticle matchable)
    {
        var terms = Terms(query).Where(t => t.Matches(matchable)).Select(t => t.ToString()!).Distinct().ToList();
        var topicsNamed = Terms(query).OfType<TermNode>().Where(t => t.Field == TermField.Topic).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var article = recent.Article;
        return new PreviewMatch(
            article.ArticleId, article.Title, article.Url, recent.ReceivedAt,
            article.Topics.Select(t => topicsNamed.Contains(t.Id) ? t : t with { Evidence = null }).ToList(), article.Countries, terms);
    }

    private static IEnumerable<QueryNode> Terms(QueryNode node) => node switch
    {
        AndNode and => and.Children.SelectMany(Terms),
        OrNode or => or.Children.SelectMany(Terms),
        NotNode => [],
        _ => [node],
    };
}
