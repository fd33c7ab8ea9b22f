using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Monitoring.Storage.Paging;

/// <summary>
/// An opaque cursor: the sort keys of the last item a page showed (base64url of the keys, newline-separated). The next
/// page starts strictly after them, so items inserted or removed meanwhile never shift it (keyset paging, no offsets).
/// </summary>
public static class PageCursor
{
    public static string Encode(params string[] keys) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', keys)));

    public static string[] Decode(string cursor, int count)
    {
        try
        {
            var keys = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n');
            if (keys.Length == count) return keys;
        }
        catch (FormatException)
        {
        }

        throw new InvalidCursorException(cursor);
    }

    /// <summary>The text Microsoft.Data.Sqlite stores an instant as: a sort key that compares with the column as text.</summary>
    private const string InstantFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    /// <summary>An instant as a sort key, exactly as the SQLite column holds the one read back (MongoDB compares the instant parsed from it).</summary>
    public static string Key(DateTimeOffset instant) => instant.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string key, string cursor) =>
        DateTimeOffset.TryParseExact(key, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new InvalidCursorException(cursor);
}

/// <summary>The <c>after</c> cursor was not made by this list (edited, truncated, or from another list).</summary>
public sealed class InvalidCursorException(string cursor) : Exception($"'{cursor}' is not a cursor of this list; use the one from the previous page's Link header.");
