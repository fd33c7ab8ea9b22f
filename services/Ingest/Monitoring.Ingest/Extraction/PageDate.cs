using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The article's date as the page shows it. Pages often declare both a published and a modified date; the one the
/// reader sees printed on the page is the article's date (published first when both are shown). Without a declared
/// date, the first <c>&lt;time datetime&gt;</c> of the article.
/// </summary>
internal static partial class PageDate
{
    public static DateTimeOffset? Find(IDocument document, DateTimeOffset? published, DateTimeOffset? modified)
    {
        if (published is null && modified is null)
        {
            return HtmlMetadata.ParseDate(document.QuerySelector("article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]")?.GetAttribute("datetime"))
                ?? ShownDate(document);
        }

        var text = document.Body?.TextContent ?? string.Empty;
        if (published is not null && IsShown(text, published.Value)) return published;
        if (modified is not null && IsShown(text, modified.Value)) return modified;

        // Neither declared date is printed: the page's own date line, when it has one, is what the reader sees.
        return ShownDate(document) ?? published ?? modified;
    }

    // The first short element the page marks as a date ("posted-on", "entry-date", "publish-date", <time>) whose text reads as one.
    private static DateTimeOffset? ShownDate(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("time, [class*=date i], [class*=publish i], [class*=posted i], [class*=time i], [itemprop*=date i]"))
        {
            var text = element.TextContent;
            if (text.Length is < 6 or > 120) continue;
            if (DateText().Match(text) is { Success: true } match
                && DateTimeOffset.TryParse(match.Value.Replace(",", string.Empty).Replace(".", string.Empty), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
                && date.Year is > 1990 and < 2100)
            {
                return date;
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DateText();

    // "2025-08-19", "August 19, 2025", "Aug 19 2025", "19 August 2025", "08/19/2025", "19.08.2025".
    private static bool IsShown(string text, DateTimeOffset date)
    {
        var month = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat;
        string[] forms =
        [
            date.ToString("yyyy-MM-dd", month), $"{month.GetMonthName(date.Month)} {date.Day}, {date.Year}", $"{month.GetMonthName(date.Month)} {date.Day} {date.Year}",
            $"{month.GetAbbreviatedMonthName(date.Month)} {date.Day}, {date.Year}", $"{month.GetAbbreviatedMonthName(date.Month)}. {date.Day}, {date.Year}",
            $"{date.Day} {month.GetMonthName(date.Month)} {date.Year}", $"{date.Day} {month.GetAbbreviatedMonthName(date.Month)} {date.Year}",
            date.ToString("MM/dd/yyyy", month), $"{date.Month}/{date.Day}/{date.Year}", date.ToString("dd.MM.yyyy", month), date.ToString("dd/MM/yyyy", month),
        ];
        return forms.Any(form => text.Contains(form, StringComparison.OrdinalIgnoreCase));
    }
}
