using MongoDB.Driver;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class MongoStoryStore : IStoryStore, IStoreInitializer
{
    /// <summary>The collection of story members; the article store adds to it in the article's transaction.</summary>
    public const string Members = "ingest_story_members";

    private readonly IMongoCollection<StoryMember> _members;

    public MongoStoryStore(IMongoDatabase database)
    {
        IngestBsonMaps.Register();
        _members = database.GetCollection<StoryMember>(Members);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _members.Indexes.CreateManyAsync(
            [
                new CreateIndexModel<StoryMember>(Builders<StoryMember>.IndexKeys.Ascending(m => m.StoryId), new CreateIndexOptions { Name = "story" }),
                new CreateIndexModel<StoryMember>(Builders<StoryMember>.IndexKeys.Ascending(m => m.SeenAt), new CreateIndexOptions { Name = "seen_at" }),
            ],
            cancellationToken);
    }

    public async Task AddMemberAsync(StoryMember member, CancellationToken cancellationToken)
    {
        try
        {
            await _members.InsertOneAsync(member, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            // Already a member.
        }
    }

    public async Task<StorySummary?> GetStoryAsync(string storyId, CancellationToken cancellationToken)
    {
        var members = await _members.Find(m => m.StoryId == storyId).Project(m => new { m.Outlet, m.SeenAt }).ToListAsync(cancellationToken);
        return StorySummary.Of(storyId, members.Select(m => (m.Outlet, m.SeenAt)).ToList());
    }

    public async Task<IReadOnlyList<StoryMember>> MembersSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await _members.Find(Builders<StoryMember>.Filter.Gte(m => m.SeenAt, since)).SortBy(m => m.SeenAt).ToListAsync(cancellationToken);
}
