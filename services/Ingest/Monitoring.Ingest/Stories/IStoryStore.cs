namespace Monitoring.Ingest.Stories;

public interface IStoryStore
{
    /// <summary>Adds the article to its story; idempotent by article id (a repeat changes nothing).</summary>
    Task AddMemberAsync(StoryMember member, CancellationToken cancellationToken);

    /// <summary>Null when no article belongs to the story.</summary>
    Task<StorySummary?> GetStoryAsync(string storyId, CancellationToken cancellationToken);

    /// <summary>Members seen at or after <paramref name="since"/>, oldest first: what the in-memory index is rebuilt from at start.</summary>
    Task<IReadOnlyList<StoryMember>> MembersSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
