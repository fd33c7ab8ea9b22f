using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Alert.Delivery;

/// <summary>
/// Signs webhook bodies so receivers can verify them: <c>X-Monitoring-Signature: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>
/// with <c>X-Monitoring-Timestamp</c> in Unix seconds. Receivers should reject old timestamps to stop replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Monitoring-Signature";
    public const string TimestampHeader = "X-Monitoring-Timestamp";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));
}
