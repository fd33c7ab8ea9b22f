namespace Monitoring.Storage.Outbox;

/// <summary>
/// What the dispatcher needs of a service's outbox (<c>ingest_outbox</c>, <c>classify_outbox</c>, <c>alert_outbox</c>).
/// Messages are added only by the stores, inside their own write transactions.
/// </summary>
public interface IOutboxStore
{
    /// <summary>The table or collection.</summary>
    string Name { get; }

    /// <summary>Messages written before <paramref name="createdBefore"/> and not yet removed, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> PendingAsync(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets messages that have been published; unknown ids are ignored.</summary>
    Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
