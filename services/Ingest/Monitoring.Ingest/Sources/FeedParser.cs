using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Monitoring.Ingest.Fetching;

namespace Monitoring.Ingest.Sources;

/// <summary>
/// Reads RSS 2.0 (and 0.9x/1.0 items) and Atom 1.0. Any DTD is refused outright: external entities (XXE) and
/// entity expansion ("billion laughs") need one, and no real feed does.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";

    public static IReadOnlyList<FeedItem> Parse(byte[] xml, string? headerCharset = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = 64L * 1024 * 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(OpenText(xml, headerCharset), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("The feed declares a DTD, which is refused (it could carry external entities or entity expansion).", exception);
        }
        catch (XmlException exception)
        {
            throw new FeedFormatException($"The feed is not well-formed XML: {exception.Message}", exception);
        }

        var root = document.Root ?? throw new FeedFormatException("The feed is empty.");
        if (root.Name == Atom + "feed") return root.Elements(Atom + "entry").Select(FromAtom).OfType<FeedItem>().ToList();
        if (root.Name.LocalName == "rss") return root.Element("channel")?.Elements("item").Select(FromRss).OfType<FeedItem>().ToList() ?? [];
        if (root.Name.LocalName == "RDF") return root.Elements(Rss10 + "item").Select(FromRss10).OfType<FeedItem>().ToList();
        throw new FeedFormatException($"<{root.Name.LocalName}> is neither an RSS nor an Atom feed.");
    }

    /// <summary>
    /// The XML declaration names the encoding; when the server's Content-Type names another, the header wins (RFC 7303).
    /// The bytes are decoded here so code-page encodings (windows-1251, GB18030) read right either way.
    /// </summary>
    private static StringReader OpenText(byte[] xml, string? headerCharset)
    {
        var declared = TextDecoding.Resolve(headerCharset) ?? TextDecoding.Resolve(DeclaredEncoding(xml));
        var text = declared is null ? TextDecoding.Decode(xml, null) : TextDecoding.Decode(xml, declared.WebName);
        return new StringReader(text);
    }

    private static string? DeclaredEncoding(byte[] xml)
    {
        var head = Encoding.ASCII.GetString(xml, 0, Math.Min(xml.Length, 200));
        if (!head.StartsWith("<?xml", StringComparison.Ordinal) && !head.TrimStart('\uFEFF', '?').StartsWith("<?xml", StringComparison.Ordinal)) return null;
        var start = head.IndexOf("encoding=", StringComparison.Ordinal);
        if (start < 0) return null;
        var quote = head[start + 9];
        var end = head.IndexOf(quote, start + 10);
        return end > start ? head[(start + 10)..end] : null;
    }

    private static FeedItem? FromRss(XElement item)
    {
        var link = Text(item.Element("link"));
        var guid = Text(item.Element("guid"));
        var title = Text(item.Element("title"));
        var content = Text(item.Element(Content + "encoded"));
        var description = Text(item.Element("description"));
        var date = ParseDate(Text(item.Element("pubDate")) ?? Text(item.Element(DublinCore + "date")));
        return Item(guid, link, title, date, content, description);
    }

    private static FeedItem? FromRss10(XElement item) =>
        Item(item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))?.Value, Text(item.Element(Rss10 + "link")),
            Text(item.Element(Rss10 + "title")), ParseDate(Text(item.Element(DublinCore + "date"))), Text(item.Element(Content + "encoded")),
            Text(item.Element(Rss10 + "description")));

    private static FeedItem? FromAtom(XElement entry)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var link = (links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault())?.Attribute("href")?.Value;
        var content = entry.Element(Atom + "content");
        return Item(
            Text(entry.Element(Atom + "id")),
            link,
            Text(entry.Element(Atom + "title")),
            ParseDate(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))),
            AtomText(content),
            AtomText(entry.Element(Atom + "summary")));
    }

    private static FeedItem? Item(string? id, string? link, string? title, DateTimeOffset? published, string? content, string? summary)
    {
        var key = id ?? link ?? title;
        return key is null ? null : new FeedItem(key, title, link, published, content, summary);
    }

    /// <summary>Atom text constructs: <c>type="xhtml"</c> carries markup as child elements, the others as text.</summary>
    private static string? AtomText(XElement? element)
    {
        if (element is null) return null;
        if ((string?)element.Attribute("type") == "xhtml")
        {
            return string.Concat(element.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting)));
        }

        return Text(element);
    }

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
    ];

    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    /// <summary>RFC 822 dates (RSS, with named or numeric zones) and ISO 8601 (Atom, Dublin Core).</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) && !text.Contains(',', StringComparison.Ordinal))
        {
            return iso;
        }

        var space = text.LastIndexOf(' ');
        if (space > 0)
        {
            var zone = text[(space + 1)..];
            if (Zones.TryGetValue(zone, out var offset)) zone = offset;
            else if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-')) zone = zone[..3] + ":" + zone[3..];
            text = text[..space] + " " + zone;
        }

        return DateTimeOffset.TryParseExact(text, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fallback) ? fallback : null;
    }
}
