namespace Monitoring.Storage;

/// <summary>A store that creates its tables, collections and unique indexes before the service takes traffic.</summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
