namespace Monitoring.Alert.Subscriptions;

public interface ISubscriptionStore
{
    Task InsertAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Null when the subscription does not exist or belongs to another analyst.</summary>
    Task<Subscription?> GetAsync(string analystId, string subscriptionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(string analystId, CancellationToken cancellationToken);

    /// <summary>False when the subscription does not exist or belongs to another analyst.</summary>
    Task<bool> DeleteAsync(string analystId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Every analyst's subscriptions: what each classified article is matched against.</summary>
    Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken);
}
