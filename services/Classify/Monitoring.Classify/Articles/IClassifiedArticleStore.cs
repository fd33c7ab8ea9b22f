using Monitoring.Classify.Coding;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Articles;

public interface IClassifiedArticleStore
{
    /// <summary>
    /// Inserts the classified article, its coded events and <paramref name="announcement"/> (into <see cref="ClassifyOutbox"/>)
    /// in one transaction, unless the article is stored already; then writes nothing and returns the stored one.
    /// </summary>
    Task<(bool Inserted, ClassifiedArticle Article)> TryInsertAsync(
        ClassifiedArticle document, IReadOnlyList<CodedEventDocument> events, OutboxMessage announcement, CancellationToken cancellationToken);

    Task<ClassifiedArticle?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Most recent first (classified at, then article id, descending), optionally only those tagged with a country and/or a topic, or of one story; one page.</summary>
    Task<Page<ClassifiedArticle>> ListAsync(ClassifiedArticleQuery query, CancellationToken cancellationToken);
}

/// <summary><see cref="After"/> is the cursor of the previous page (<see cref="Page{T}.Next"/>).</summary>
public sealed record ClassifiedArticleQuery(string? Country = null, string? Topic = null, int Limit = 50, string? StoryId = null, string? After = null)
{
    public PageRequest Page => new(Limit, After);
}
