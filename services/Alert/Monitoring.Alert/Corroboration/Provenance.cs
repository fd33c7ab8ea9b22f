using Monitoring.Contracts;

namespace Monitoring.Alert.Corroboration;

/// <summary>
/// Who reported an event, in order: the first report of each story is a separately written article, credited to its
/// outlet; a later report of the same story is a syndicated copy (or a near-duplicate ingest grouped with it) and
/// counts for no one. An outlet counts once however many articles it wrote. Denials by either actor make it disputed.
/// </summary>
public static class Provenance
{
    public static EventCorroboration Of(IReadOnlyList<EventReport> reports, IReadOnlyList<EventReport> denials, OutletDirectory outlets, TimeSpan window, int? required = null)
    {
        var ordered = reports.OrderBy(r => r.ReportedAt).ThenBy(r => r.ArticleId, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) throw new ArgumentException("An event needs at least one report.", nameof(reports));
        var first = ordered[0];
        var stories = new HashSet<string>(StringComparer.Ordinal);
        var independent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var provenance = new List<CorroboratingReport>(ordered.Count);
        foreach (var report in ordered)
        {
            var syndicated = !stories.Add(report.StoryId);
            if (!syndicated) independent.Add(report.Outlet);
            provenance.Add(Describe(report, syndicated, outlets));
        }

        // A denial disputes another event, not itself ("Russia denied the accusations" is also a 01 event between them).
        var disputing = first.Root == "01" ? [] : denials.Where(d => d.IsDenial && Disputes(d, first)).OrderBy(d => d.ReportedAt).ThenBy(d => d.ArticleId, StringComparer.Ordinal)
            .Select(d => Describe(d, syndicated: false, outlets)).ToList();
        return new EventCorroboration
        {
            EventId = first.EventId, Source = first.Source, Target = first.Target, Root = first.Root,
            WindowStart = first.WindowStart, WindowEnd = first.WindowStart + window,
            IndependentOutlets = independent.Count, Required = required, Reports = provenance, Denials = disputing, Disputed = disputing.Count > 0,
        };
    }

    /// <summary>The denial is made by one of the event's actors, of the other or of no one named.</summary>
    public static bool Disputes(EventReport denial, EventReport report) =>
        denial.WindowStart == report.WindowStart
        && (denial.Source == report.Source || denial.Source == report.Target)
        && (denial.Target == EventReports.UnknownActor || denial.Target == report.Source || denial.Target == report.Target);

    private static CorroboratingReport Describe(EventReport report, bool syndicated, OutletDirectory outlets)
    {
        var listed = outlets.Find(report.Outlet);
        return new CorroboratingReport
        {
            Outlet = report.Outlet, ArticleId = report.ArticleId, StoryId = report.StoryId, Title = report.Title, Url = report.Url, Cameo = report.Cameo,
            ReportedAt = report.ReportedAt, Syndicated = syndicated, StateAffiliated = listed?.StateAffiliated, OutletCountry = listed?.Country, Ownership = listed?.Ownership,
        };
    }
}
