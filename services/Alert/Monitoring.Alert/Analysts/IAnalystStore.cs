namespace Monitoring.Alert.Analysts;

public interface IAnalystStore
{
    /// <summary>False when the analyst id or the key hash is already taken.</summary>
    Task<bool> TryInsertAsync(Analyst analyst, CancellationToken cancellationToken);

    Task<Analyst?> FindByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);
}
