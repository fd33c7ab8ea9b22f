using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Breaking;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>
/// Outlet arrivals in <c>alert_story_outlets</c> (<c>_id</c>: story and outlet) and stories in <c>alert_story_growth</c>
/// (<c>_id</c>: story id; the breaking record set once by a compare-and-set).
/// </summary>
public sealed class MongoStoryGrowthStore : IStoryGrowthStore, IStoreInitializer
{
    private readonly IMongoCollection<ArrivalRow> _outlets;
    private readonly IMongoCollection<StoryRow> _stories;

    public MongoStoryGrowthStore(IMongoDatabase database)
    {
        MongoConventions.Map<GrowthPoint>();
        MongoConventions.Map<BreakingStory>();
        _outlets = database.GetCollection<ArrivalRow>("alert_story_outlets");
        _stories = database.GetCollection<StoryRow>("alert_story_growth");
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _outlets.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<ArrivalRow>(Builders<ArrivalRow>.IndexKeys.Ascending(r => r.StoryId).Ascending(r => r.At), new CreateIndexOptions { Name = "story_at" }),
            new CreateIndexModel<ArrivalRow>(Builders<ArrivalRow>.IndexKeys.Ascending(r => r.Topic).Ascending(r => r.At), new CreateIndexOptions { Name = "topic_at" }),
        ], cancellationToken);
        await _stories.Indexes.CreateOneAsync(new CreateIndexModel<StoryRow>(Builders<StoryRow>.IndexKeys.Ascending(r => r.FirstSeenAt)), cancellationToken: cancellationToken);
    }

    public async Task<StoryGrowth> RecordAsync(OutletArrival arrival, CancellationToken cancellationToken)
    {
        // An upsert that only sets on insert: the first article's topic wins, and every caller reads the one story.
        var story = await _stories.FindOneAndUpdateAsync(
            Builders<StoryRow>.Filter.Eq(r => r.Id, arrival.StoryId),
            Builders<StoryRow>.Update.SetOnInsert(r => r.Topic, arrival.Topic).SetOnInsert(r => r.FirstSeenAt, arrival.At.UtcDateTime),
            new FindOneAndUpdateOptions<StoryRow> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        try
        {
            await _outlets.InsertOneAsync(new ArrivalRow
            {
                Id = $"{arrival.StoryId}|{arrival.Outlet}", StoryId = arrival.StoryId, Topic = story.Topic, ArticleId = arrival.ArticleId,
                At = arrival.At.UtcDateTime, Seconds = arrival.At.ToUnixTimeSeconds(),
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
        }

        return new StoryGrowth(story.Id, story.Topic, new DateTimeOffset(DateTime.SpecifyKind(story.FirstSeenAt, DateTimeKind.Utc)), story.Breaking);
    }

    public async Task<int> NewOutletsAsync(string storyId, DateTimeOffset since, CancellationToken cancellationToken) =>
        (int)await _outlets.CountDocumentsAsync(r => r.StoryId == storyId && r.At >= since.UtcDateTime, cancellationToken: cancellationToken);

    public async Task<TopicRate> RateAsync(string? topic, DateTimeOffset from, DateTimeOffset to, TimeSpan window, CancellationToken cancellationToken)
    {
        var filter = Builders<ArrivalRow>.Filter.Gte(r => r.At, from.UtcDateTime) & Builders<ArrivalRow>.Filter.Lt(r => r.At, to.UtcDateTime);
        if (topic is not null) filter &= Builders<ArrivalRow>.Filter.Eq(r => r.Topic, topic);
        var seconds = (long)window.TotalSeconds;
        var windows = await _outlets.Aggregate().Match(filter)
            .Group(new BsonDocument
            {
                { "_id", new BsonDocument { { "story", "$StoryId" }, { "window", new BsonDocument("$subtract", new BsonArray { "$Seconds", new BsonDocument("$mod", new BsonArray { "$Seconds", seconds }) }) } } },
                { "count", new BsonDocument("$sum", 1) },
            })
            .ToListAsync(cancellationToken);
        return new TopicRate(windows.Sum(w => w["count"].ToInt32()), windows.Count);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ArrivalsAsync(string storyId, CancellationToken cancellationToken)
    {
        var rows = await _outlets.Find(r => r.StoryId == storyId).SortBy(r => r.At).ToListAsync(cancellationToken);
        return rows.Select(r => DateTimeOffset.FromUnixTimeSeconds(r.Seconds)).ToList();
    }

    public async Task<bool> TryMarkBreakingAsync(BreakingStory breaking, CancellationToken cancellationToken)
    {
        var result = await _stories.UpdateOneAsync(
            r => r.Id == breaking.StoryId && r.Breaking == null, Builders<StoryRow>.Update.Set(r => r.Breaking, breaking), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _outlets.DeleteManyAsync(r => r.At < before.UtcDateTime, cancellationToken);
        await _stories.DeleteManyAsync(r => r.FirstSeenAt < before.UtcDateTime, cancellationToken);
    }

    private sealed class ArrivalRow
    {
        [BsonId] public required string Id { get; init; }
        public required string StoryId { get; init; }
        public required string Topic { get; init; }
        public required string ArticleId { get; init; }
        public DateTime At { get; init; }
        public long Seconds { get; init; }
    }

    private sealed class StoryRow
    {
        [BsonId] public required string Id { get; init; }
        public string Topic { get; init; } = "";
        public DateTime FirstSeenAt { get; init; }
        public BreakingStory? Breaking { get; init; }
    }
}
