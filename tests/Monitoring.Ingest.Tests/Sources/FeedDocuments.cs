using System.Globalization;
using System.Net;
using System.Text;

namespace Monitoring.Ingest.Tests.Sources;

/// <summary>Feeds and pages as real publishers serve them, and the hostile ones.</summary>
public static class FeedDocuments
{
    public static string Rss(params (string Guid, string Title, string Link, string? Content)[] items)
    {
        var builder = new StringBuilder("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>World news</title><link>https://news.example/</link><description>World</description>
            """);
        foreach (var (guid, title, link, content) in items)
        {
            builder.Append(CultureInfo.InvariantCulture, $"""
                <item><title>{WebUtility.HtmlEncode(title)}</title><link>{WebUtility.HtmlEncode(link)}</link>
                <guid isPermaLink="false">{guid}</guid><pubDate>Thu, 16 May 2024 08:30:00 GMT</pubDate>
                <description>Short summary.</description>
                """);
            if (content is not null) builder.Append(CultureInfo.InvariantCulture, $"<content:encoded><![CDATA[{content}]]></content:encoded>");
            builder.Append("</item>\n");
        }

        return builder.Append("</channel></rss>").ToString();
    }

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Ministry statements</title>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <updated>2024-05-16T09:00:00Z</updated>
          <entry>
            <title type="text">Ministers sign border agreement</title>
            <link rel="alternate" type="text/html" href="https://gov.example/statements/1"/>
            <link rel="enclosure" href="https://gov.example/statements/1.pdf"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <published>2024-05-16T08:00:00+03:00</published>
            <updated>2024-05-16T09:00:00Z</updated>
            <summary>The ministers signed.</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The foreign ministers signed the border agreement in Astana.</p></div></content>
          </entry>
          <entry>
            <title>Second statement</title>
            <link href="https://gov.example/statements/2"/>
            <id>tag:gov.example,2024:2</id>
            <updated>2024-05-16T10:00:00Z</updated>
          </entry>
        </feed>
        """;

    /// <summary>External entity pointing at a local file: the classic XXE.</summary>
    public const string Xxe = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>t</title>
        <item><title>&xxe;</title><link>https://news.example/x</link><guid>x</guid></item>
        </channel></rss>
        """;

    /// <summary>Nested entity expansion: a few hundred bytes that expand to gigabytes.</summary>
    public const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
        """;

    public const string RussianText =
        "Министры иностранных дел России и Китая провели переговоры в Москве и договорились расширить сотрудничество в области безопасности.";

    public const string ChineseText = "中俄两国外长在莫斯科举行会谈，同意扩大安全领域合作，共同打击跨国犯罪。";

    public static string ArticlePage(string title, string body, string? metaCharset = null) => $"""
        <!DOCTYPE html><html><head>{(metaCharset is null ? "" : $"<meta charset=\"{metaCharset}\">")}<title>{title}</title></head>
        <body><nav>Home | World | Sport</nav><article><h1>{title}</h1><p>{body}</p></article><footer>© Example News</footer></body></html>
        """;
}
