using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Monitoring.ServiceDefaults.Access;

/// <summary><see cref="AccessOptions.WriteKeys"/> and <see cref="AccessOptions.ReadKeys"/>, compared by hash in constant time.</summary>
public sealed class ConfiguredApiKeys(IOptions<AccessOptions> options) : IApiKeyCheck
{
    private readonly (byte[] Hash, ApiKeyRole Role)[] _keys =
    [
        .. options.Value.WriteKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => (Hash(k), ApiKeyRole.Write)),
        .. options.Value.ReadKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => (Hash(k), ApiKeyRole.Read)),
    ];

    public bool HasWriteKey => _keys.Any(k => k.Role == ApiKeyRole.Write);

    public ValueTask<ApiKeyRole?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        ApiKeyRole? found = null;

        // Every entry is compared, so the time taken does not tell which key, or whether any, matched.
        foreach (var (candidate, role) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash) && (found is null || role > found)) found = role;
        }

        return ValueTask.FromResult(found);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
