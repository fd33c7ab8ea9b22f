using Monitoring.Contracts;

namespace Monitoring.Alert.Preview;

/// <summary>A classified article as the alert service received it, kept for a while so a query can be tried on it.</summary>
public sealed record RecentArticle(ArticleClassified Article, DateTimeOffset ReceivedAt);

/// <summary>
/// The classified articles of the last days, for <c>POST /api/subscriptions/preview</c> and the feedback export
/// (the alert service sees articles only in messages). Keyed by article id: a redelivered message is kept once.
/// </summary>
public interface IRecentArticleStore
{
    /// <summary>Keeps the article unless it is there already, and forgets articles received before <paramref name="forgetBefore"/>.</summary>
    Task AddAsync(RecentArticle article, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>Articles received at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RecentArticle>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    Task<RecentArticle?> GetAsync(string articleId, CancellationToken cancellationToken);
}
