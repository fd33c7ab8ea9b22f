using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Matching;

/// <summary>
/// The in-memory <see cref="SubscriptionIndex"/> every article is matched against. Loaded from the store on first use,
/// changed in place when this instance saves or deletes a subscription, and reloaded periodically by
/// <see cref="SubscriptionIndexRefresher"/> so changes made through other instances arrive too.
/// </summary>
public sealed class SubscriptionCatalog(IServiceScopeFactory scopes, ILogger<SubscriptionCatalog> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);

    // Outlives each index: a reload files subscriptions by what all articles so far say is rare.
    private readonly KeyFrequencies _frequencies = new();
    private volatile SubscriptionIndex? _index;

    public async ValueTask<SubscriptionIndex> GetAsync(CancellationToken cancellationToken)
    {
        if (_index is { } index) return index;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _index ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var fresh = await LoadAsync(cancellationToken);
        _index = fresh;
    }

    public void Saved(Subscription subscription)
    {
        if (subscription.Paused) _index?.Remove(subscription.SubscriptionId);
        else _index?.Upsert(CompiledSubscription.Compile(subscription));
    }

    public void Deleted(string subscriptionId) => _index?.Remove(subscriptionId);

    private async Task<SubscriptionIndex> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<ISubscriptionStore>().ListAllAsync(cancellationToken);
        var compiled = new List<CompiledSubscription>(all.Count);
        foreach (var subscription in all.Where(s => !s.Paused))
        {
            try
            {
                compiled.Add(CompiledSubscription.Compile(subscription));
            }
            catch (Exception exception) when (exception is Language.QuerySyntaxException or ArgumentException)
            {
                // Saved subscriptions were validated; one that no longer parses must not stop everyone else's alerts.
                logger.LogError(exception, "Subscription {SubscriptionId} cannot be compiled and is not matched", subscription.SubscriptionId);
            }
        }

        return new SubscriptionIndex(compiled, _frequencies);
    }

    public void Dispose() => _loading.Dispose();
}
