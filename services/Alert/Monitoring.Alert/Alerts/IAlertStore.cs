using Monitoring.Storage.Outbox;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Alerts;

/// <summary>Announcements for alerts a store call has just changed, written in its transaction; it must not write to the store itself.</summary>
public delegate Task<IReadOnlyList<OutboxMessage>> AnnounceAlerts(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken);

public interface IAlertStore
{
    /// <summary>
    /// Inserts the alert and its <paramref name="announcement"/> (into <see cref="AlertOutbox"/>, when there is one) in one
    /// transaction, unless the subscription already has an alert for the story; then writes nothing and returns that one.
    /// </summary>
    Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a further article of the alert's story: article count, outlets, latest article. Null, and nothing
    /// changes, when the article was already counted or the story was marked not relevant. With <paramref name="requeue"/>,
    /// in the same transaction, the updated alert is sent again (unless a delivery of it is under way) with what the
    /// requeue announces: an update is never counted without being announced.
    /// </summary>
    Task<AlertRecord?> AddArticleAsync(string alertId, StoryArticle article, AlertRequeue? requeue, CancellationToken cancellationToken);

    /// <summary>
    /// An event alert's later provenance (more outlets now report the event) and its outlets, replacing the snapshot, and
    /// in the same transaction the alert sent again for the channels this admits (<see cref="Delivery.ChannelGate"/>):
    /// back to the requeue's status, unless a delivery is under way; unlike a story update, the channels already reached
    /// stay reached, so each gets the alert once. Null, and nothing changes, when there is no such alert or the analyst
    /// said it is not relevant.
    /// </summary>
    Task<AlertRecord?> UpdateCorroborationAsync(string alertId, Contracts.EventCorroboration corroboration, IReadOnlyList<string> outlets, AlertRequeue requeue, CancellationToken cancellationToken);

    /// <summary>Null when the alert does not exist or belongs to another analyst.</summary>
    Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken);

    /// <summary>Most recent first (raised at, then alert id, descending), one page at a time.</summary>
    Task<Page<AlertRecord>> ListAsync(string analystId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Records the "not relevant" feedback; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> MarkNotRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the "relevant" verdict, undoing a "not relevant" one; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> MarkRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets the analyst's verdict on the alert, either way; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> ClearFeedbackAsync(string analystId, string alertId, CancellationToken cancellationToken);

    /// <summary>Marks the alert read at <paramref name="at"/>, or unread when it is null; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> MarkReadAsync(string analystId, string alertId, DateTimeOffset? at, CancellationToken cancellationToken);

    /// <summary>One page of the analyst's alerts that carry a verdict, most recently raised first (ties by id), only those tagged <paramref name="topic"/> when given.</summary>
    Task<Page<AlertRecord>> ListFeedbackAsync(string analystId, string? topic, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the right to deliver a pending alert until <paramref name="leaseUntil"/>, counting the attempt.
    /// Null when it is delivered, failed, scheduled, or another delivery holds an unexpired lease: a compare-and-set, so
    /// two consumers never both send it.
    /// </summary>
    Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Remembers that one channel of a claimed delivery succeeded, so a retry skips it.</summary>
    Task MarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken);

    /// <summary>Forgets a channel marked before its send (channels without an idempotency key), because that send failed.</summary>
    Task UnmarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a claim: delivered, not required, or back to pending with the error so the next attempt may claim it. With
    /// <paramref name="deliveredChannel"/>, also marks that channel delivered, in the same write (the last send of an alert).
    /// </summary>
    Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken, string? deliveredChannel = null);

    /// <summary>Records that every attempt failed, unless it was delivered meanwhile.</summary>
    Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Scheduled alerts whose time has come, turned pending (each returned once), oldest due first, together with what
    /// <paramref name="announce"/> says of them (a digest, or each alert): a crash cannot release them unannounced.
    /// </summary>
    Task<IReadOnlyList<AlertRecord>> ReleaseDueAsync(DateTimeOffset now, int limit, AnnounceAlerts announce, CancellationToken cancellationToken);

    /// <summary>
    /// Pending alerts nobody is delivering: claimed by an attempt whose lease ran out before <paramref name="now"/> (the
    /// process died), or never claimed and pending since before <paramref name="unclaimedBefore"/>. Oldest first.
    /// </summary>
    Task<IReadOnlyList<AlertRecord>> ListStalledAsync(DateTimeOffset now, DateTimeOffset unclaimedBefore, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// An updated alert to send again: back to <see cref="Status"/> (pending, or scheduled until <see cref="DueAt"/>) unless a
/// delivery is under way, and announced as <see cref="Announce"/> says.
/// </summary>
public sealed record AlertRequeue(DeliveryStatus Status, DateTimeOffset? DueAt, DateTimeOffset Now, AnnounceAlerts Announce);

/// <summary>A further article of a story that already raised an alert.</summary>
public sealed record StoryArticle(string ArticleId, string? Source, string? Title, string? Url, DateTimeOffset At);
