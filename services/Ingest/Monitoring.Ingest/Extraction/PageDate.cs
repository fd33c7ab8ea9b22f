using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The article's date as the page shows it. Pages often declare both a published and a modified date; the one the
/// reader sees printed on the page is the article's date (published first when both are shown). When neither is
/// printed, or none is declared, the date line printed around the headline (<see cref="HeadlineRegion"/>), then
/// the first <c>&lt;time datetime&gt;</c> or element marked as a date; last, a date in the article's URL path.
/// </summary>
internal static partial class PageDate
{
    public static DateTimeOffset? Find(IDocument document, HeadlineRegion region, DateTimeOffset? published, DateTimeOffset? modified)
    {
        if (published is null && modified is null)
        {
            return HtmlMetadata.ParseDate(document.QuerySelector("article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]")?.GetAttribute("datetime"))
                ?? Printed(region) ?? MarkedDate(document);
        }

        var text = VisibleText(document);
        if (published is not null && IsShown(text, published.Value)) return published;
        if (modified is not null && IsShown(text, modified.Value)) return modified;

        // Neither declared date is printed: the date line around the headline, when there is one, is what the reader
        // sees; a date marked elsewhere on the page (a teaser's, a comment's) is not worth more than the declared one.
        return Printed(region) ?? published ?? modified;
    }

    /// <summary>"/2024/05/16/slug", "/2024-05-16-slug": the day a URL path gives, for pages that print and declare none.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        return UrlDay().Match(uri.AbsolutePath) is { Success: true } match
            && int.TryParse(match.Groups["y"].ValueSpan, out var year) && int.TryParse(match.Groups["m"].ValueSpan, out var month) && int.TryParse(match.Groups["d"].ValueSpan, out var day)
            && year is >= 1990 and < 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? HtmlMetadata.AsDate(new DateOnly(year, month, day))
            : null;
    }

    // The first date printed after the headline (the byline and date line), else the nearest one printed above it.
    private static DateTimeOffset? Printed(HeadlineRegion region)
    {
        var pieces = region.Pieces;
        for (var i = region.HeadlineAt; i < pieces.Count && i < region.HeadlineAt + 25; i++)
        {
            if (pieces[i].Length <= 160 && DateText.First(pieces[i]) is { } day) return HtmlMetadata.AsDate(day);
        }

        for (var i = region.HeadlineAt - 1; i >= 0 && i >= region.HeadlineAt - 10; i--)
        {
            if (pieces[i].Length <= 160 && DateText.First(pieces[i]) is { } day) return HtmlMetadata.AsDate(day);
        }

        return null;
    }

    // The first short element the page marks as a date ("posted-on", "entry-date", "publish-date", <time>) whose text reads as one.
    private static DateTimeOffset? MarkedDate(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("time, [class*=date i], [class*=publish i], [class*=posted i], [class*=time i], [itemprop*=date i]"))
        {
            var text = element.TextContent;
            if (text.Length is < 6 or > 120 || InFurniture(element)) continue;
            if (DateText.First(text) is { } day) return HtmlMetadata.AsDate(day);
        }

        return null;
    }

    // A comment's or a related teaser's date is not the article's.
    private static bool InFurniture(IElement element)
    {
        for (var at = element; at is not null; at = at.ParentElement)
        {
            if (FurnitureElements.Kind(at, BoilerplateCues.Default) is { } kind && kind != "meta") return true;
        }

        return false;
    }

    // What a reader sees: the body's text without scripts and styles (a JSON-LD block in the body declares dates, it does not print them).
    private static string VisibleText(IDocument document)
    {
        var text = new System.Text.StringBuilder();
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText piece) text.Append(piece.Data);
                else if (child is IElement element && !HtmlMainText.SkippedTags.Contains(element.LocalName)) Walk(element);
            }
        }

        if (document.Body is { } body) Walk(body);
        return Whitespace().Replace(text.ToString(), " ");
    }

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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>\d{1,2})[/-](?<d>\d{1,2})(?:[/-]|$)")]
    private static partial Regex UrlDay();
}
