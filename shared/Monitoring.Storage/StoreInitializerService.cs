using Microsoft.Extensions.Hosting;

namespace Monitoring.Storage;

/// <summary>Creates every store's schema and unique indexes before the bus starts consuming.</summary>
internal sealed class StoreInitializerService(IEnumerable<IStoreInitializer> stores) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var store in stores.Distinct())
        {
            await store.InitializeAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
