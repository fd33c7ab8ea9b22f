namespace Monitoring.ServiceDefaults.Access;

/// <summary>What a key may do. A write key also reads.</summary>
public enum ApiKeyRole
{
    Read,
    Write,
}

/// <summary>A source of API keys: the configured ones, and in the one-process host the analysts' keys of the alert service.</summary>
public interface IApiKeyCheck
{
    /// <summary>The role of <paramref name="key"/>, or null when this source does not know it.</summary>
    ValueTask<ApiKeyRole?> FindAsync(string key, CancellationToken cancellationToken);
}
