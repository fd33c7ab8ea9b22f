using Microsoft.Extensions.Options;
using Monitoring.Ingest.Dedup;

namespace Monitoring.Ingest.Stories;

/// <summary>
/// Puts each new article into a story: the story of its nearest copy within the window, else a story of its own.
/// Lookups go to the in-memory LSH index, which is rebuilt from the store on first use so stories survive restarts.
/// </summary>
public sealed class StoryAssigner(IStoryStore store, IOptions<StoryOptions> options, TimeProvider clock) : IDisposable
{
    private readonly LshIndex _index = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    /// <summary>The story a text with this signature belongs to, or null when it is the first of its story.</summary>
    public async Task<StoryCandidate?> FindAsync(uint[]? signature, CancellationToken cancellationToken)
    {
        if (signature is null) return null;
        await EnsureLoadedAsync(cancellationToken);
        return _index.FindBest(signature, clock.GetUtcNow() - options.Value.Window, options.Value.SimilarityThreshold);
    }

    /// <summary>Records the article in its story and returns the story's outlet count.</summary>
    public async Task<StorySummary> AddAsync(string articleId, string storyId, uint[]? signature, string outlet, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var member = MemberFor(articleId, storyId, signature, outlet, seenAt);
        await store.AddMemberAsync(member, cancellationToken);
        await IndexAsync(member, signature, cancellationToken);
        return await store.GetStoryAsync(storyId, cancellationToken) ?? throw new InvalidOperationException($"Story {storyId} vanished.");
    }

    /// <summary>The article's membership, for a store that writes it in the article's own transaction.</summary>
    public static StoryMember MemberFor(string articleId, string storyId, uint[]? signature, string outlet, DateTimeOffset seenAt) =>
        new(articleId, storyId, outlet, seenAt, signature is null ? [] : MinHash.ToBytes(signature));

    /// <summary>Makes a stored member findable by later copies.</summary>
    public async Task IndexAsync(StoryMember member, uint[]? signature, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        if (signature is not null) _index.Add(member.ArticleId, member.StoryId, signature, member.SeenAt);
    }

    public Task<StorySummary?> GetAsync(string storyId, CancellationToken cancellationToken) => store.GetStoryAsync(storyId, cancellationToken);

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded) return;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded) return;
            foreach (var member in await store.MembersSinceAsync(clock.GetUtcNow() - options.Value.Window, cancellationToken))
            {
                if (member.Signature.Length == MinHash.Length * sizeof(uint))
                {
                    _index.Add(member.ArticleId, member.StoryId, MinHash.FromBytes(member.Signature), member.SeenAt);
                }
            }

            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
