using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Reads the first calendar date printed in a line of text, as pages print them: "2025-08-19", "August 19, 2025",
/// "Aug. 19 2025", "19 August 2025", "19. August 2025", "19 de agosto de 2025", "19-ago-2025", "19.08.2025",
/// "08/19/2025" (day first when the first number cannot be a month), "2025年8月19日", with month names in the
/// languages of <see cref="MetadataCues"/>. Only the day matters; years outside 1990–2099 are not dates of articles.
/// </summary>
internal static partial class DateText
{
    private static readonly Regex Named = BuildNamed(MetadataCues.Default);

    public static DateOnly? First(string text)
    {
        if (text.Length < 6 || !text.Any(char.IsAsciiDigit)) return null;
        DateOnly? best = null;
        var bestAt = int.MaxValue;

        void Consider(Match match, int year, int month, int day)
        {
            if (match.Index >= bestAt || year is < 1990 or > 2099 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return;
            best = new DateOnly(year, month, day);
            bestAt = match.Index;
        }

        if (Iso().Match(text) is { Success: true } iso) Consider(iso, Number(iso, "y"), Number(iso, "m"), Number(iso, "d"));
        if (Han().Match(text) is { Success: true } han) Consider(han, Number(han, "y"), Number(han, "m"), Number(han, "d"));
        if (Dotted().Match(text) is { Success: true } dotted) Consider(dotted, Number(dotted, "y"), Number(dotted, "m"), Number(dotted, "d"));
        if (Slashed().Match(text) is { Success: true } slashed)
        {
            var (first, second) = (Number(slashed, "a"), Number(slashed, "b"));
            // Month first (the US order) unless the first number cannot be a month.
            if (first > 12) Consider(slashed, Number(slashed, "y"), second, first);
            else Consider(slashed, Number(slashed, "y"), first, second);
        }

        if (Named.Match(text) is { Success: true } named && MetadataCues.Default.Months.TryGetValue(named.Groups["mon"].Value.TrimEnd('.'), out var month))
        {
            var day = named.Groups["d1"].Success ? named.Groups["d1"].Value : named.Groups["d2"].Value;
            Consider(named, Number(named, "y"), month, int.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        }

        return best;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);

    // "August 19, 2025" / "Aug. 19th 2025" (d1) or "19 August 2025" / "19. August 2025" / "19 de agosto de 2025" / "19-ago-2025" (d2).
    private static Regex BuildNamed(MetadataCues cues)
    {
        var months = string.Join('|', cues.Months.Keys.OrderByDescending(name => name.Length).Select(Regex.Escape));
        var pattern = $@"(?<![\p{{L}}\d])(?:(?<mon>{months})\.?\s+(?<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y>\d{{4}})|(?<d2>\d{{1,2}})(?:st|nd|rd|th|er)?\.?(?:\s+de|\s+|-)\s*(?<mon>{months})\.?(?:\s+de|,)?[\s-]+(?<y>\d{{4}}))(?!\d)";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex Han();

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?!\d)")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"(?<![\d/])(?<a>\d{1,2})[/-](?<b>\d{1,2})[/-](?<y>\d{4})(?!\d)")]
    private static partial Regex Slashed();
}
