using System.Text;
using Monitoring.Ingest.Dedup;
using Monitoring.Ingest.Fetching;

namespace Monitoring.Ingest.Tests.Sources;

public sealed class TextDecodingTests
{
    static TextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Cyrillic => Encoding.GetEncoding("windows-1251");

    [Fact]
    public void The_header_charset_wins_over_the_meta_tag()
    {
        var bytes = Cyrillic.GetBytes($"<html><head><meta charset=\"utf-8\"></head><body>{FeedDocuments.RussianText}</body></html>");

        Assert.Contains(FeedDocuments.RussianText, TextDecoding.Decode(bytes, "windows-1251"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_http_equiv_meta_form_is_read()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(
            $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{FeedDocuments.ChineseText}</body></html>");

        Assert.Contains(FeedDocuments.ChineseText, TextDecoding.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_wins_and_is_not_part_of_the_text()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Привет")).ToArray();

        Assert.Equal("Привет", TextDecoding.Decode(bytes, "windows-1251"));
    }

    [Fact]
    public void An_unknown_charset_falls_back_to_utf8()
    {
        Assert.Equal("Grüße", TextDecoding.Decode(Encoding.UTF8.GetBytes("Grüße"), "x-no-such-charset"));
    }

    [Theory]
    [InlineData("https://News.Example:443/a/b?utm_source=rss&id=7&fbclid=xyz#comments", "https://news.example/a/b?id=7")]
    [InlineData("http://news.example:8080/a", "http://news.example:8080/a")]
    [InlineData("https://news.example/a?utm_campaign=x", "https://news.example/a")]
    [InlineData("ftp://news.example/a", null)]
    [InlineData("not a url", null)]
    public void Canonical_urls_drop_what_does_not_identify_the_article(string url, string? expected) =>
        Assert.Equal(expected, CanonicalUrl.Normalize(url));
}
