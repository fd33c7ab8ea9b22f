using Monitoring.Ingest.Stories;
using Monitoring.Storage.Outbox;

namespace Monitoring.Ingest.Articles;

public interface IArticleStore
{
    /// <summary>
    /// Inserts the article and <paramref name="announcement"/> (into <see cref="IngestOutbox"/>) in one transaction, unless
    /// an article with the same content hash or the same canonical URL exists; then writes nothing and returns that one.
    /// </summary>
    Task<(bool Inserted, StoredArticle Article)> TryInsertAsync(StoredArticle article, OutboxMessage announcement, CancellationToken cancellationToken);

    /// <summary>
    /// The path of a new article: in one transaction, inserts it, adds <paramref name="member"/> to its story (idempotent by
    /// article id) and writes the announcement <paramref name="announce"/> makes from the story's outlet count after the
    /// join. When an article with the same content hash or canonical URL exists, writes nothing and returns that one.
    /// </summary>
    Task<(bool Inserted, StoredArticle Article, int OutletCount)> TryInsertWithStoryAsync(
        StoredArticle article, StoryMember member, Func<int, OutboxMessage> announce, CancellationToken cancellationToken);

    /// <summary>
    /// For an article stored without an announcement (by a version before the outbox that died in between): marks it
    /// announced at <paramref name="announcedAt"/> and writes <paramref name="announcement"/> to the outbox, together.
    /// False, and nothing written, when it was announced already.
    /// </summary>
    Task<bool> QueueAnnouncementAsync(string articleId, DateTimeOffset announcedAt, OutboxMessage announcement, CancellationToken cancellationToken);

    Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>The article stored with this canonical URL, if any: a cheap early exit before fingerprinting; the unique key decides.</summary>
    Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken);
}
