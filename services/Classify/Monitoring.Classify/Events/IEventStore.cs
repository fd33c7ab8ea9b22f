namespace Monitoring.Classify.Events;

public interface IEventStore
{
    /// <summary>Inserts unless the article already has an event document; then returns the stored one.</summary>
    Task<(bool Inserted, EventDocument Event)> TryInsertAsync(EventDocument document, CancellationToken cancellationToken);

    Task<EventDocument?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Most recent first, optionally only those tagged with a country and/or a topic.</summary>
    Task<IReadOnlyList<EventDocument>> ListAsync(EventQuery query, CancellationToken cancellationToken);
}

public sealed record EventQuery(string? Country = null, string? Topic = null, int Limit = 50);
