using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class MongoStoryStore(IMongoDatabase database) : IStoryStore, IStoreInitializer
{
    private readonly IMongoCollection<MemberDocument> _members = database.GetCollection<MemberDocument>("ingest_story_members");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _members.Indexes.CreateManyAsync(
            [
                new CreateIndexModel<MemberDocument>(Builders<MemberDocument>.IndexKeys.Ascending(m => m.StoryId), new CreateIndexOptions { Name = "story" }),
                new CreateIndexModel<MemberDocument>(Builders<MemberDocument>.IndexKeys.Ascending(m => m.SeenAt), new CreateIndexOptions { Name = "seen_at" }),
            ],
            cancellationToken);
    }

    public async Task AddMemberAsync(StoryMember member, CancellationToken cancellationToken)
    {
        try
        {
            await _members.InsertOneAsync(
                new MemberDocument { Id = member.ArticleId, StoryId = member.StoryId, Outlet = member.Outlet, SeenAt = member.SeenAt.UtcDateTime, Signature = member.Signature },
                cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (exception.IsDuplicateKey())
        {
            // Already a member.
        }
    }

    public async Task<StorySummary?> GetStoryAsync(string storyId, CancellationToken cancellationToken)
    {
        var members = await _members.Find(m => m.StoryId == storyId).Project(m => new { m.Outlet, m.SeenAt }).ToListAsync(cancellationToken);
        return SqliteStoryStore.Summarize(storyId, members.Select(m => (m.Outlet, m.SeenAt.ToUtcOffset())).ToList());
    }

    public async Task<IReadOnlyList<StoryMember>> MembersSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var documents = await _members.Find(m => m.SeenAt >= since.UtcDateTime).SortBy(m => m.SeenAt).ToListAsync(cancellationToken);
        return documents.Select(d => new StoryMember(d.Id, d.StoryId, d.Outlet, d.SeenAt.ToUtcOffset(), d.Signature)).ToList();
    }

    private sealed class MemberDocument
    {
        [BsonId] public required string Id { get; init; }
        public required string StoryId { get; init; }
        public required string Outlet { get; init; }
        public DateTime SeenAt { get; init; }
        public required byte[] Signature { get; init; }
    }
}
