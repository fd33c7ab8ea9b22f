using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Alert.Analysts;

public static class ApiKeys
{
    public const string Header = "X-Api-Key";

    public static string Generate() => "mon_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Keys are 256 random bits, so a fast unsalted hash is enough: there is nothing to brute-force from a dictionary.
    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
