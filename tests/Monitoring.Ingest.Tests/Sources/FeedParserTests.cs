using System.Text;
using Monitoring.Ingest.Sources;

namespace Monitoring.Ingest.Tests.Sources;

public sealed class FeedParserTests
{
    static FeedParserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Rss_items_carry_key_title_link_date_and_content()
    {
        var xml = FeedDocuments.Rss(("g1", "Talks in Geneva", "https://news.example/a?x=1&y=2", "<p>Full text.</p>"), ("g2", "Second", "https://news.example/b", null));

        var items = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(2, items.Count);
        Assert.Equal(new FeedItem("g1", "Talks in Geneva", "https://news.example/a?x=1&y=2", new DateTimeOffset(2024, 5, 16, 8, 30, 0, TimeSpan.Zero), "<p>Full text.</p>", "Short summary."), items[0]);
        Assert.Null(items[1].ContentHtml);
    }

    [Fact]
    public void Atom_entries_use_the_alternate_link_and_keep_xhtml_content()
    {
        var items = FeedParser.Parse(Encoding.UTF8.GetBytes(FeedDocuments.Atom));

        Assert.Equal(2, items.Count);
        Assert.Equal("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", items[0].Key);
        Assert.Equal("https://gov.example/statements/1", items[0].Link);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 5, 0, 0, TimeSpan.Zero), items[0].PublishedAt);
        Assert.Contains("signed the border agreement in Astana", items[0].ContentHtml, StringComparison.Ordinal);
        Assert.Equal("https://gov.example/statements/2", items[1].Link);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 10, 0, 0, TimeSpan.Zero), items[1].PublishedAt);
    }

    [Fact]
    public void An_external_entity_feed_is_refused_without_reading_the_entity()
    {
        var refused = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(FeedDocuments.Xxe)));

        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_expansion_feed_is_refused()
    {
        var refused = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(FeedDocuments.BillionLaughs)));

        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_and_foreign_documents_get_a_clear_error()
    {
        Assert.Contains("not well-formed", Assert.Throws<FeedFormatException>(() => FeedParser.Parse("<rss><channel>"u8.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("neither an RSS nor an Atom", Assert.Throws<FeedFormatException>(() => FeedParser.Parse("<html><body/></html>"u8.ToArray())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("windows-1251", FeedDocuments.RussianText)]
    [InlineData("GB18030", FeedDocuments.ChineseText)]
    [InlineData("gbk", FeedDocuments.ChineseText)]
    public void A_feed_in_a_legacy_charset_decodes_from_its_xml_declaration(string charset, string text)
    {
        var xml = $"""<?xml version="1.0" encoding="{charset}"?><rss version="2.0"><channel><title>t</title><item><title>{text}</title><guid>1</guid></item></channel></rss>""";
        var bytes = Encoding.GetEncoding(charset).GetBytes(xml);

        var item = Assert.Single(FeedParser.Parse(bytes));

        Assert.Equal(text, item.Title);
    }

    [Fact]
    public void The_http_charset_wins_over_a_wrong_xml_declaration()
    {
        var xml = $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><title>{FeedDocuments.RussianText}</title><guid>1</guid></item></channel></rss>""";

        var item = Assert.Single(FeedParser.Parse(Encoding.GetEncoding("windows-1251").GetBytes(xml), headerCharset: "windows-1251"));

        Assert.Equal(FeedDocuments.RussianText, item.Title);
    }

    [Theory]
    [InlineData("Thu, 16 May 2024 08:30:00 GMT", "2024-05-16T08:30:00Z")]
    [InlineData("Thu, 16 May 2024 10:30:00 +0200", "2024-05-16T08:30:00Z")]
    [InlineData("16 May 2024 04:30:00 EDT", "2024-05-16T08:30:00Z")]
    [InlineData("Thu, 6 Jun 2024 08:30 GMT", "2024-06-06T08:30:00Z")]
    [InlineData("2024-05-16T11:30:00+03:00", "2024-05-16T08:30:00Z")]
    public void Feed_dates_in_rfc822_and_iso8601_are_read(string value, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedParser.ParseDate(value));
}
