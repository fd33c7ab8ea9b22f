using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Preview;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Recent articles in <c>alert_recent_articles</c>, the article id as <c>_id</c>; a TTL-free prune on insert keeps both stores alike.</summary>
public sealed class MongoRecentArticleStore(IMongoDatabase database) : IRecentArticleStore, IStoreInitializer
{
    private readonly IMongoCollection<Row> _articles = database.GetCollection<Row>("alert_recent_articles");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _articles.Indexes.CreateOneAsync(new CreateIndexModel<Row>(Builders<Row>.IndexKeys.Descending(r => r.ReceivedAt)), cancellationToken: cancellationToken);

    public async Task AddAsync(RecentArticle article, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        try
        {
            await _articles.InsertOneAsync(
                new Row { Id = article.Article.ArticleId, ReceivedAt = article.ReceivedAt.UtcDateTime, Message = article.StoredJson() },
                cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
        }

        await _articles.DeleteManyAsync(r => r.ReceivedAt < forgetBefore.UtcDateTime, cancellationToken);
    }

    public async Task<IReadOnlyList<RecentArticle>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var rows = await _articles.Find(r => r.ReceivedAt >= since.UtcDateTime).SortByDescending(r => r.ReceivedAt).Limit(limit).ToListAsync(cancellationToken);
        return rows.Select(ToArticle).ToList();
    }

    public async Task<RecentArticle?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await _articles.Find(r => r.Id == articleId).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToArticle(row);
    }

    private static RecentArticle ToArticle(Row row) => new(RecentArticle.Read(row.Message), new DateTimeOffset(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc)));

    private sealed class Row
    {
        [BsonId] public required string Id { get; init; }
        public DateTime ReceivedAt { get; init; }
        public required string Message { get; init; }
    }
}
