using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Subscriptions;

public interface ISubscriptionStore
{
    Task InsertAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Replaces the subscription's definition; false when it does not exist or belongs to another analyst. Id, owner, creation time and secret stay.</summary>
    Task<bool> UpdateAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Null when the subscription does not exist or belongs to another analyst.</summary>
    Task<Subscription?> GetAsync(string analystId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Any analyst's subscription by id: for delivery, which acts for the owner.</summary>
    Task<Subscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>The analyst's subscriptions, oldest first (created at, then id), one page at a time.</summary>
    Task<Page<Subscription>> ListAsync(string analystId, PageRequest page, CancellationToken cancellationToken);

    Task<int> CountAsync(string analystId, CancellationToken cancellationToken);

    /// <summary>False when the subscription does not exist or belongs to another analyst.</summary>
    Task<bool> DeleteAsync(string analystId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Every analyst's subscriptions: what the matching index is built from.</summary>
    Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken);
}
