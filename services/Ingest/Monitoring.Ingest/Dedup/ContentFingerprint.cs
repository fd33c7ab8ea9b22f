using System.Buffers;
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
        // The words joined by single spaces, upper-cased: string.Join(' ', text.Split(null, RemoveEmptyEntries)).ToUpperInvariant(),
        // in one buffer instead of a string per word and three copies of the text.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = c;
            }

            var upper = ArrayPool<char>.Shared.Rent(Math.Max(1, length));
            try
            {
                var normalized = upper.AsSpan(0, length);
                buffer.AsSpan(0, length).ToUpperInvariant(normalized);
                var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(length)));
                try
                {
                    Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                    SHA256.HashData(bytes.AsSpan(0, Encoding.UTF8.GetBytes(normalized, bytes)), hash);
                    return Convert.ToHexStringLower(hash);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(upper);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The article id is derived from the content hash, so a duplicate is recognised before anything is stored.</summary>
    public static string ArticleIdFor(string contentHash) => contentHash[..32];
}
