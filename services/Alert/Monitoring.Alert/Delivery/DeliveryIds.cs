using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// The idempotency keys receivers see. An alert's first delivery is its alert id; an update of its story (sent again
/// when the subscription asks for updates) is <c>{alertId}.{articleCount}</c>; a digest is one id per subscription and
/// period. The same delivery made twice (a crash between the receiver's answer and our record of it) carries the same key.
/// </summary>
public static class DeliveryIds
{
    public const string AlertIdHeader = "X-Monitoring-Alert-Id";
    public const string DeliveryIdHeader = "X-Monitoring-Delivery-Id";
    public const string DigestIdHeader = "X-Monitoring-Digest-Id";

    public static string Of(string alertId, int? articleCount) => articleCount is > 1 ? $"{alertId}.{articleCount}" : alertId;

    public static string Digest(string subscriptionId, DateTimeOffset periodEnd) =>
        "digest-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId}\n{periodEnd.ToUnixTimeSeconds()}")))[..24];
}
