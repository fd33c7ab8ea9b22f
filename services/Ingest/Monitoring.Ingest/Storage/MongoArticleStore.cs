using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Ingest.Articles;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class MongoArticleStore(IMongoDatabase database) : IArticleStore, IStoreInitializer
{
    private readonly IMongoCollection<ArticleDocument> _articles = database.GetCollection<ArticleDocument>("ingest_articles");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _articles.Indexes.CreateManyAsync(
            [
                new CreateIndexModel<ArticleDocument>(
                    Builders<ArticleDocument>.IndexKeys.Ascending(a => a.ContentHash),
                    new CreateIndexOptions { Unique = true, Name = "content_hash_unique" }),
                new CreateIndexModel<ArticleDocument>(
                    Builders<ArticleDocument>.IndexKeys.Ascending(a => a.Url),
                    new CreateIndexOptions<ArticleDocument>
                    {
                        Unique = true,
                        Name = "url_unique",
                        PartialFilterExpression = Builders<ArticleDocument>.Filter.Type(a => a.Url, MongoDB.Bson.BsonType.String),
                    }),
            ],
            cancellationToken);
    }

    public async Task<(bool Inserted, StoredArticle Article)> TryInsertAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        try
        {
            await _articles.InsertOneAsync(ArticleDocument.From(article), cancellationToken: cancellationToken);
            return (true, article);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            var existing = await _articles
                .Find(a => a.ContentHash == article.ContentHash || a.Id == article.ArticleId || (article.Url != null && a.Url == article.Url))
                .FirstAsync(cancellationToken);
            return (false, existing.ToArticle());
        }
    }

    public Task MarkAnnouncedAsync(string articleId, DateTimeOffset announcedAt, CancellationToken cancellationToken) =>
        _articles.UpdateOneAsync(
            a => a.Id == articleId && a.AnnouncedAt == null,
            Builders<ArticleDocument>.Update.Set(a => a.AnnouncedAt, announcedAt.UtcDateTime),
            cancellationToken: cancellationToken);

    public async Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        var document = await _articles.Find(a => a.Id == articleId).FirstOrDefaultAsync(cancellationToken);
        return document?.ToArticle();
    }

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken)
    {
        var document = await _articles.Find(a => a.Url == url).SortBy(a => a.IngestedAt).FirstOrDefaultAsync(cancellationToken);
        return document?.ToArticle();
    }

    private sealed class ArticleDocument
    {
        [BsonId] public required string Id { get; init; }
        public required string StoryId { get; init; }
        public required string ContentHash { get; init; }
        public required string Text { get; init; }
        public string? Title { get; init; }
        public string? Url { get; init; }
        public string? Source { get; init; }
        public required string Language { get; init; }
        public DateTime? PublishedAt { get; init; }
        public DateTime IngestedAt { get; init; }
        public DateTime? AnnouncedAt { get; init; }

        public static ArticleDocument From(StoredArticle a) => new()
        {
            Id = a.ArticleId, StoryId = a.StoryId, ContentHash = a.ContentHash, Text = a.Text, Title = a.Title, Url = a.Url,
            Source = a.Source, Language = a.Language, PublishedAt = a.PublishedAt?.UtcDateTime, IngestedAt = a.IngestedAt.UtcDateTime,
            AnnouncedAt = a.AnnouncedAt?.UtcDateTime,
        };

        public StoredArticle ToArticle() => new()
        {
            ArticleId = Id, StoryId = StoryId, ContentHash = ContentHash, Text = Text, Title = Title, Url = Url, Source = Source,
            Language = Language, PublishedAt = PublishedAt?.ToUtcOffset(), IngestedAt = IngestedAt.ToUtcOffset(), AnnouncedAt = AnnouncedAt?.ToUtcOffset(),
        };
    }
}
