namespace Monitoring.Ingest.Articles;

public interface IArticleStore
{
    /// <summary>Inserts unless an article with the same content hash or the same canonical URL exists; then returns that one.</summary>
    Task<(bool Inserted, StoredArticle Article)> TryInsertAsync(StoredArticle article, CancellationToken cancellationToken);

    Task MarkAnnouncedAsync(string articleId, DateTimeOffset announcedAt, CancellationToken cancellationToken);

    Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>The article stored with this canonical URL, if any: a cheap early exit before fingerprinting; the unique key decides.</summary>
    Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken);
}
