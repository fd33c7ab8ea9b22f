using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// Characters nobody sees (zero-width spaces, byte-order marks, soft hyphens, control characters, a joiner that joins
/// nothing) are not read into words; every visible character, typographic quotes and dashes included, is kept as printed.
/// </summary>
public sealed class InvisibleTextTests
{
    [Theory]
    [InlineData("H\u200Bow to choose winter tyres: look at the tread depth first.", "How to choose winter tyres")]
    [InlineData("Look for the snow\u00ADflake symbol on the side\uFEFFwall of the tyre.", "snowflake symbol on the sidewall")]
    [InlineData("Drivers\u0092 clubs say the rule helps on mountain roads in winter.", "Drivers clubs say")]
    [InlineData("The mechanic \U0001F469\u200D\U0001F527 checks the pressure.\u200D", "\U0001F469\u200D\U0001F527 checks the pressure.\n")]
    [InlineData("The club\u2019s advice \u2013 check the \u201Ctread\u201D \u2014 is the same every year.", "The club\u2019s advice \u2013 check the \u201Ctread\u201D \u2014 is")]
    public void Only_what_a_reader_sees_is_read(string paragraph, string expected)
    {
        var page = $"<html><body><article><h1>Winter tyres</h1><p>{paragraph}</p><p>Tyre fitters expect the first frost of the season before the end of the month.</p></article></body></html>";

        var text = new ArticleExtractor().Extract(new ArticleSubmission { Html = page }).Text;

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}
