using MongoDB.Driver;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;

namespace Monitoring.Ingest.Storage;

public sealed class MongoArticleStore : IArticleStore, IStoreInitializer
{
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<StoredArticle> _articles;
    private readonly IMongoCollection<OutboxMessage> _outbox;
    private readonly IMongoCollection<StoryMember> _members;

    public MongoArticleStore(IMongoDatabase database)
    {
        IngestBsonMaps.Register();
        _database = database;
        _articles = database.GetCollection<StoredArticle>("ingest_articles");
        _outbox = MongoOutboxStore.Collection(database, IngestOutbox.Name);
        _members = database.GetCollection<StoryMember>(MongoStoryStore.Members);
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
        await MongoOutboxStore.CreateAsync(_database, IngestOutbox.Name, cancellationToken);
    }

    public async Task<(bool Inserted, StoredArticle Article)> TryInsertAsync(StoredArticle article, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        var (inserted, stored, _) = await InsertAsync(article, null, _ => announcement, cancellationToken);
        return (inserted, stored);
    }

    public Task<(bool Inserted, StoredArticle Article, int OutletCount)> TryInsertWithStoryAsync(
        StoredArticle article, StoryMember member, Func<int, OutboxMessage> announce, CancellationToken cancellationToken) =>
        InsertAsync(article, member, announce, cancellationToken);

    private async Task<(bool Inserted, StoredArticle Article, int OutletCount)> InsertAsync(
        StoredArticle article, StoryMember? member, Func<int, OutboxMessage> announce, CancellationToken cancellationToken)
    {
        try
        {
            return await MongoTransaction.RunAsync(_database, async (session, ct) =>
            {
                await _articles.InsertOneAsync(session, article, cancellationToken: ct);
                var outlets = 1;
                if (member is not null)
                {
                    // An upsert, not an insert: a duplicate key would abort the transaction. A member under a new article
                    // id can only be one an older version wrote before it died; it is the same membership.
                    await _members.ReplaceOneAsync(session, m => m.ArticleId == member.ArticleId, member, new ReplaceOptions { IsUpsert = true }, ct);
                    outlets = (await (await _members.DistinctAsync(session, m => m.Outlet, m => m.StoryId == member.StoryId, cancellationToken: ct)).ToListAsync(ct)).Count;
                }

                await _outbox.InsertOneAsync(session, announce(outlets), cancellationToken: ct);
                return (true, article, outlets);
            }, cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            var existing = await _articles
                .Find(a => a.ContentHash == article.ContentHash || a.ArticleId == article.ArticleId || (article.Url != null && a.Url == article.Url))
                .FirstAsync(cancellationToken);
            return (false, existing, 0);
        }
    }

    public Task<bool> QueueAnnouncementAsync(string articleId, DateTimeOffset announcedAt, OutboxMessage announcement, CancellationToken cancellationToken) =>
        MongoTransaction.RunAsync(_database, async (session, ct) =>
        {
            var marked = await _articles.UpdateOneAsync(
                session,
                a => a.ArticleId == articleId && a.AnnouncedAt == null,
                Builders<StoredArticle>.Update.Set(a => a.AnnouncedAt, announcedAt),
                cancellationToken: ct);
            if (marked.ModifiedCount == 1) await _outbox.InsertOneAsync(session, announcement, cancellationToken: ct);
            return marked.ModifiedCount == 1;
        }, cancellationToken);

    public async Task<StoredArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        await _articles.Find(a => a.ArticleId == articleId).FirstOrDefaultAsync(cancellationToken);

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        await _articles.Find(a => a.Url == url).SortBy(a => a.IngestedAt).FirstOrDefaultAsync(cancellationToken);
}
