namespace Monitoring.Alert.Alerts;

public interface IAlertStore
{
    /// <summary>Inserts unless the subscription already has an alert for the story; then returns the stored one.</summary>
    Task<(bool Inserted, AlertRecord Alert)> TryInsertAsync(AlertRecord alert, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a further article of the alert's story: article count, outlets, latest article. Null, and nothing
    /// changes, when the article was already counted or the story was marked not relevant.
    /// </summary>
    Task<AlertRecord?> AddArticleAsync(string alertId, StoryArticle article, CancellationToken cancellationToken);

    /// <summary>Sends an updated alert again: back to <paramref name="status"/> (pending, or scheduled until <paramref name="dueAt"/>) unless a delivery is under way or it is not relevant.</summary>
    Task<AlertRecord?> RequeueAsync(string alertId, DeliveryStatus status, DateTimeOffset? dueAt, CancellationToken cancellationToken);

    /// <summary>Null when the alert does not exist or belongs to another analyst.</summary>
    Task<AlertRecord?> GetAsync(string analystId, string alertId, CancellationToken cancellationToken);

    /// <summary>Most recent first.</summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(string analystId, int limit, CancellationToken cancellationToken);

    /// <summary>Records the "not relevant" feedback; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> MarkNotRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the "relevant" verdict, undoing a "not relevant" one; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> MarkRelevantAsync(string analystId, string alertId, string? comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets the analyst's verdict on the alert, either way; false when the alert does not exist or belongs to another analyst.</summary>
    Task<bool> ClearFeedbackAsync(string analystId, string alertId, CancellationToken cancellationToken);

    /// <summary>The analyst's alerts that carry a verdict, most recently raised first, only those tagged <paramref name="topic"/> when given.</summary>
    Task<IReadOnlyList<AlertRecord>> ListFeedbackAsync(string analystId, string? topic, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the right to deliver a pending alert until <paramref name="leaseUntil"/>, counting the attempt.
    /// Null when it is delivered, failed, scheduled, or another delivery holds an unexpired lease: a compare-and-set, so
    /// two consumers never both send it.
    /// </summary>
    Task<AlertRecord?> TryClaimDeliveryAsync(string alertId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Remembers that one channel of a claimed delivery succeeded, so a retry skips it.</summary>
    Task MarkChannelDeliveredAsync(string alertId, string channel, CancellationToken cancellationToken);

    /// <summary>Ends a claim: delivered, not required, or back to pending with the error so the next attempt may claim it.</summary>
    Task CompleteDeliveryAsync(string alertId, DeliveryStatus status, DateTimeOffset at, string? error, CancellationToken cancellationToken);

    /// <summary>Records that every attempt failed, unless it was delivered meanwhile.</summary>
    Task MarkFailedAsync(string alertId, string error, CancellationToken cancellationToken);

    /// <summary>Scheduled alerts whose time has come, turned pending (each returned once), oldest due first.</summary>
    Task<IReadOnlyList<AlertRecord>> ReleaseDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>A further article of a story that already raised an alert.</summary>
public sealed record StoryArticle(string ArticleId, string? Source, string? Title, string? Url, DateTimeOffset At);
