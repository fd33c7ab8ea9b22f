namespace Monitoring.Alert.Alerts;

public interface IAlertStore
{
    /// <summary>Inserts unless the subscription already has an alert for the article; then returns the stored one.</summary>
    Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, CancellationToken cancellationToken);

    /// <summary>Null when the alert does not exist or belongs to another analyst.</summary>
    Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken);

    /// <summary>Most recent first.</summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(string analystId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the right to deliver a pending alert until <paramref name="leaseUntil"/>, counting the attempt.
    /// Null when it is delivered, failed, or another delivery holds an unexpired lease: a compare-and-set, so two
    /// consumers never both send it.
    /// </summary>
    Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Ends a claim: delivered, not required, or back to pending with the error so the next attempt may claim it.</summary>
    Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken);

    /// <summary>Records that every attempt failed, unless it was delivered meanwhile.</summary>
    Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken);
}
