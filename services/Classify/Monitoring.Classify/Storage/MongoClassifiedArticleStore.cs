using MongoDB.Driver;
using Monitoring.Classify.Articles;
using Monitoring.Classify.Coding;
using Monitoring.Storage;
using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Classify.Storage;

public sealed class MongoClassifiedArticleStore : IClassifiedArticleStore, IStoreInitializer
{
    // The collection keeps the name it had when these documents were called events: existing databases read on.
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<ClassifiedArticle> _articles;
    private readonly IMongoCollection<CodedEventDocument> _events;
    private readonly IMongoCollection<OutboxMessage> _outbox;

    public MongoClassifiedArticleStore(IMongoDatabase database)
    {
        ClassifyBsonMaps.Register();
        _database = database;
        _articles = database.GetCollection<ClassifiedArticle>("classify_events");
        _events = MongoCodedEventStore.Collection(database);
        _outbox = MongoOutboxStore.Collection(database, ClassifyOutbox.Name);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<ClassifiedArticle>.IndexKeys;
        await _articles.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<ClassifiedArticle>(keys.Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "classified_at" }),
            new CreateIndexModel<ClassifiedArticle>(keys.Ascending(e => e.StoryId), new CreateIndexOptions { Name = "story" }),
            new CreateIndexModel<ClassifiedArticle>(keys.Ascending(e => e.Countries).Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "countries_classified_at" }),
            // A topic's id is stored as the sub-document's _id (the class map's id convention), which is what the topic filter reads.
            new CreateIndexModel<ClassifiedArticle>(keys.Ascending("Topics._id").Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "topic_ids_classified_at" }),
        ], cancellationToken);
        await MongoOutboxStore.CreateAsync(_database, ClassifyOutbox.Name, cancellationToken);
        await DropIndexIfPresentAsync("topics_classified_at", cancellationToken); // earlier versions indexed "Topics.Id", a field no document has
    }

    private async Task DropIndexIfPresentAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await _articles.Indexes.DropOneAsync(name, cancellationToken);
        }
        catch (MongoCommandException exception) when (exception.Code == 27) // IndexNotFound
        {
        }
    }

    public async Task<(bool Inserted, ClassifiedArticle Article)> TryInsertAsync(
        ClassifiedArticle document, IReadOnlyList<CodedEventDocument> events, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        try
        {
            return await MongoTransaction.RunAsync(_database, async (session, ct) =>
            {
                // _id is the article id: the unique key is the primary key.
                await _articles.InsertOneAsync(session, document, cancellationToken: ct);
                await MongoCodedEventStore.InsertAsync(_events, session, events, ct);
                await _outbox.InsertOneAsync(session, announcement, cancellationToken: ct);
                return (true, document);
            }, cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return (false, (await GetAsync(document.ArticleId, cancellationToken))!);
        }
    }

    public async Task<ClassifiedArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        await _articles.Find(e => e.ArticleId == articleId).FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<ClassifiedArticle>> ListAsync(ClassifiedArticleQuery query, CancellationToken cancellationToken)
    {
        var filter = Builders<ClassifiedArticle>.Filter;
        var where = filter.Empty;
        if (query.Country is not null) where &= filter.AnyEq(e => e.Countries, query.Country);
        if (query.Topic is not null) where &= filter.ElemMatch(e => e.Topics, t => t.Id == query.Topic);
        if (query.StoryId is not null) where &= filter.Eq(e => e.StoryId, query.StoryId);
        if (query.Page.AfterKeys(2) is [var classifiedAt, var lastId])
        {
            var at = PageCursor.Instant(classifiedAt, query.After!);
            where &= filter.Lt(e => e.ClassifiedAt, at) | (filter.Eq(e => e.ClassifiedAt, at) & filter.Lt(e => e.ArticleId, lastId));
        }

        var rows = await _articles.Find(where).SortByDescending(e => e.ClassifiedAt).ThenByDescending(e => e.ArticleId).Limit(query.Limit + 1).ToListAsync(cancellationToken);
        return Page.From(rows, query.Limit, a => [PageCursor.Key(a.ClassifiedAt), a.ArticleId]);
    }
}
