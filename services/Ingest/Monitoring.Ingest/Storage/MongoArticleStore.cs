using MongoDB.Driver;
using Monitoring.Ingest.Articles;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class MongoArticleStore : IArticleStore, IStoreInitializer
{
    private readonly IMongoCollection<StoredArticle> _articles;

    public MongoArticleStore(IMongoDatabase database)
    {
        IngestBsonMaps.Register();
        _articles = database.GetCollection<StoredArticle>("ingest_articles");
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _articles.Indexes.CreateManyAsync(
            [
                new CreateIndexModel<StoredArticle>(
                    Builders<StoredArticle>.IndexKeys.Ascending(a => a.ContentHash),
                    new CreateIndexOptions { Unique = true, Name = "content_hash_unique" }),
                new CreateIndexModel<StoredArticle>(
                    Builders<StoredArticle>.IndexKeys.Ascending(a => a.Url),
                    new CreateIndexOptions<StoredArticle>
                    {
                        Unique = true,
                        Name = "url_unique",
                        PartialFilterExpression = Builders<StoredArticle>.Filter.Type(a => a.Url, MongoDB.Bson.BsonType.String),
                    }),
            ],
            cancellationToken);
    }

    public async Task<(bool Inserted, StoredArticle Article)> TryInsertAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        try
        {
            await _articles.InsertOneAsync(article, cancellationToken: cancellationToken);
            return (true, article);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            var existing = await _articles
                .Find(a => a.ContentHash == article.ContentHash || a.ArticleId == article.ArticleId || (article.Url != null && a.Url == article.Url))
                .FirstAsync(cancellationToken);
            return (false, existing);
        }
    }

    public Task MarkAnnouncedAsync(string articleId, DateTimeOffset announcedAt, CancellationToken cancellationToken) =>
        _articles.UpdateOneAsync(
            a => a.ArticleId == articleId && a.AnnouncedAt == null,
            Builders<StoredArticle>.Update.Set(a => a.AnnouncedAt, announcedAt),
            cancellationToken: cancellationToken);

    public async Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        await _articles.Find(a => a.ArticleId == articleId).FirstOrDefaultAsync(cancellationToken);

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        await _articles.Find(a => a.Url == url).SortBy(a => a.IngestedAt).FirstOrDefaultAsync(cancellationToken);
}
