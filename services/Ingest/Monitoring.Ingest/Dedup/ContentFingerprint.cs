using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Ingest.Dedup;

/// <summary>
/// The exact-duplicate key: SHA-256 of the main text with case and whitespace normalised, so the same
/// article re-posted with different line breaks or capitalisation is still the same article.
/// </summary>
public static class ContentFingerprint
{
    public static string Compute(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>The article id is derived from the content hash, so a duplicate is recognised before anything is stored.</summary>
    public static string ArticleIdFor(string contentHash) => contentHash[..32];
}
