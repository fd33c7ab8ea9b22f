using Monitoring.ServiceDefaults.Access;

namespace Monitoring.Alert.Analysts;

/// <summary>Analysts' keys may read the ingest and classify APIs wherever those run in the same process (<c>monitor run</c>).</summary>
public sealed class AnalystApiKeys(IAnalystStore analysts) : IApiKeyCheck
{
    public async ValueTask<ApiKeyRole?> FindAsync(string key, CancellationToken cancellationToken) =>
        await analysts.FindByKeyHashAsync(ApiKeys.Hash(key), cancellationToken) is null ? null : ApiKeyRole.Read;
}
