using MongoDB.Driver;
using Monitoring.Classify.Articles;
using Monitoring.Storage;

namespace Monitoring.Classify.Storage;

public sealed class MongoClassifiedArticleStore : IClassifiedArticleStore, IStoreInitializer
{
    // The collection keeps the name it had when these documents were called events: existing databases read on.
    private readonly IMongoCollection<ClassifiedArticle> _articles;

    public MongoClassifiedArticleStore(IMongoDatabase database)
    {
        ClassifyBsonMaps.Register();
        _articles = database.GetCollection<ClassifiedArticle>("classify_events");
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<ClassifiedArticle>.IndexKeys;
        await _articles.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<ClassifiedArticle>(keys.Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "classified_at" }),
            new CreateIndexModel<ClassifiedArticle>(keys.Ascending(e => e.Countries).Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "countries_classified_at" }),
            // A topic's id is stored as the sub-document's _id (the class map's id convention), which is what the topic filter reads.
            new CreateIndexModel<ClassifiedArticle>(keys.Ascending("Topics._id").Descending(e => e.ClassifiedAt), new CreateIndexOptions { Name = "topic_ids_classified_at" }),
        ], cancellationToken);
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

    public async Task<(bool Inserted, ClassifiedArticle Article)> TryInsertAsync(ClassifiedArticle document, CancellationToken cancellationToken)
    {
        try
        {
            // _id is the article id: the unique key is the primary key.
            await _articles.InsertOneAsync(document, cancellationToken: cancellationToken);
            return (true, document);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            return (false, (await GetAsync(document.ArticleId, cancellationToken))!);
        }
    }

    public async Task<ClassifiedArticle?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        await _articles.Find(e => e.ArticleId == articleId).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ClassifiedArticle>> ListAsync(ClassifiedArticleQuery query, CancellationToken cancellationToken)
    {
        var filter = Builders<ClassifiedArticle>.Filter;
        var where = filter.Empty;
        if (query.Country is not null) where &= filter.AnyEq(e => e.Countries, query.Country);
        if (query.Topic is not null) where &= filter.ElemMatch(e => e.Topics, t => t.Id == query.Topic);
        return await _articles.Find(where).SortByDescending(e => e.ClassifiedAt).Limit(query.Limit).ToListAsync(cancellationToken);
    }
}
