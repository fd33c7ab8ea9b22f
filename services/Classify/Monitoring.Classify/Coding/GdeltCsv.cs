using System.Globalization;
using System.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Coded events as CSV under GDELT 2.0 event-table column names, so a selection opens beside a GDELT export:
/// <c>SQLDATE</c> is the day the event was coded (YYYYMMDD, UTC), <c>DATEADDED</c> its time (YYYYMMDDHHMMSS);
/// <c>GLOBALEVENTID</c> is our event id (article, actors, code) rather than GDELT's number. Our evidence follows
/// GDELT's columns: the sentence and the trigger words.
/// </summary>
public static class GdeltCsv
{
    public static readonly string[] Columns =
    [
        "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
        "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL", "Sentence", "Trigger",
    ];

    public static string Write(IEnumerable<CodedEventDocument> events)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append("\r\n");
        foreach (var e in events)
        {
            var added = e.DateAdded.UtcDateTime;
            string?[] fields =
            [
                e.EventId, added.ToString("yyyyMMdd", CultureInfo.InvariantCulture), e.Actor1Code, e.Actor1Name, e.Actor1CountryCode, e.Actor1Type1Code,
                e.Actor2Code, e.Actor2Name, e.Actor2CountryCode, e.Actor2Type1Code, e.IsRootEvent ? "1" : "0", e.EventCode, e.EventBaseCode, e.EventRootCode,
                e.QuadClass.ToString(CultureInfo.InvariantCulture), e.GoldsteinScale.ToString("0.0##", CultureInfo.InvariantCulture),
                e.NumMentions.ToString(CultureInfo.InvariantCulture), e.NumSources.ToString(CultureInfo.InvariantCulture), e.NumArticles.ToString(CultureInfo.InvariantCulture),
                added.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), e.SourceUrl, e.Sentence, e.Trigger,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a field that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        if (field[0] is '=' or '+' or '-' or '@' && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) field = "'" + field;
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
