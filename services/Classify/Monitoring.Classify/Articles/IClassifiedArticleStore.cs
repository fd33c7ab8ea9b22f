namespace Monitoring.Classify.Articles;

public interface IClassifiedArticleStore
{
    /// <summary>Inserts unless the article is already stored; then returns the stored one.</summary>
    Task<(bool Inserted, ClassifiedArticle Article)> TryInsertAsync(ClassifiedArticle document, CancellationToken cancellationToken);

    Task<ClassifiedArticle?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Most recent first, optionally only those tagged with a country and/or a topic, or of one story.</summary>
    Task<IReadOnlyList<ClassifiedArticle>> ListAsync(ClassifiedArticleQuery query, CancellationToken cancellationToken);
}

public sealed record ClassifiedArticleQuery(string? Country = null, string? Topic = null, int Limit = 50, string? StoryId = null);
