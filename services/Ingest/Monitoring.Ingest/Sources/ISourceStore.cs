using Monitoring.Storage.Paging;

namespace Monitoring.Ingest.Sources;

public interface ISourceStore
{
    /// <summary>Inserts; false when a source with that id exists (nothing changed).</summary>
    Task<bool> TryCreateAsync(FeedSource source, CancellationToken cancellationToken);

    /// <summary>Replaces the definition (url, name, interval, enabled, origin), keeping the status; false when there is no such source.</summary>
    Task<bool> UpdateDefinitionAsync(FeedSource source, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>By id, one page at a time.</summary>
    Task<Page<FeedSource>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    Task SaveStatusAsync(string id, SourceStatus status, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="itemKeys"/>, those already ingested from this source.</summary>
    Task<IReadOnlySet<string>> GetSeenItemsAsync(string sourceId, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken);

    /// <summary>Records an item as ingested; idempotent.</summary>
    Task MarkItemSeenAsync(string sourceId, string itemKey, DateTimeOffset seenAt, CancellationToken cancellationToken);
}
