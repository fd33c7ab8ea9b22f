using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Fetching;

/// <summary>
/// Bytes of a downloaded page to text, the way browsers pick the charset: byte-order mark, then the HTTP
/// <c>Content-Type</c> charset, then <c>&lt;meta charset&gt;</c> / <c>http-equiv</c> in the first bytes, then UTF-8.
/// </summary>
public static partial class TextDecoding
{
    private const int MetaSniffBytes = 4096;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? headerCharset)
    {
        var encoding = FromBom(bytes, out var bomLength)
            ?? Resolve(headerCharset)
            ?? Resolve(SniffMetaCharset(bytes))
            ?? Encoding.UTF8;
        return encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
    }

    /// <summary>The encoding for a charset label, with the WHATWG aliases that matter in practice (gb2312 and gbk read as GB18030, a superset).</summary>
    public static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var label = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        label = label switch
        {
            "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "chinese" => "gb18030",
            "iso-8859-1" or "latin1" or "us-ascii" or "ascii" => "windows-1252",
            "utf8" => "utf-8",
            _ => label,
        };

        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string? SniffMetaCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, MetaSniffBytes));
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    private static Encoding? FromBom(byte[] bytes, out int length)
    {
        length = 0;
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) { length = 3; return Encoding.UTF8; }
        if (bytes is [0xFF, 0xFE, ..]) { length = 2; return Encoding.Unicode; }
        if (bytes is [0xFE, 0xFF, ..]) { length = 2; return Encoding.BigEndianUnicode; }
        return null;
    }

    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?(?<charset>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
