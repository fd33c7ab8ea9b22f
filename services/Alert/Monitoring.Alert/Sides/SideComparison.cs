using Monitoring.Alert.Shifts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Sides;

/// <summary>One article of a meeting, placed on the side its outlet belongs to, with the pair's events it codes and the actors it names.</summary>
public sealed record SideReport(AccountArticle Article, string Side, IReadOnlyList<(string Source, string Target, string Cameo)> Events, IReadOnlyList<ArticleActor> Actors);

/// <summary>
/// Puts a meeting's reports into one account per side and compares the two sides of the pair: the commitments, other
/// events and actors one side's outlets report and the other's do not. Events compare by source, target and full
/// CAMEO code (so "RUS→CHN 057" is not "CHN→RUS 057"); actors by kind and name.
/// </summary>
public static class SideComparison
{
    public static MeetingSides Compare(string pair, DateOnly day, IReadOnlyList<SideReport> reports, CameoScale scale)
    {
        var countries = pair.Split('-');
        var accounts = countries.Append(SideAccount.Others)
            .Select(side => Account(side, reports.Where(r => r.Side == side).ToList(), scale))
            .Where(a => a.Side != SideAccount.Others || a.Articles.Count > 0)
            .ToList();
        var (a, b) = (accounts[0], accounts[1]);
        return new MeetingSides { Pair = pair, Day = day, Accounts = accounts, Differences = [Difference(a, b), Difference(b, a)] };
    }

    /// <summary>Whether the code is a promise: an intent to cooperate (root 03) or a formal agreement signed (057).</summary>
    public static bool IsCommitment(string cameo) => cameo.StartsWith("03", StringComparison.Ordinal) || cameo == "057";

    private static SideAccount Account(string side, IReadOnlyList<SideReport> reports, CameoScale scale) => new()
    {
        Side = side,
        Articles = reports.Select(r => r.Article).ToList(),
        Events = reports
            .SelectMany(r => r.Events.Select(e => (Event: e, r.Article.Outlet)))
            .GroupBy(x => x.Event)
            .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Cameo, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal)
            .Select(g => new ReportedEvent
            {
                Source = g.Key.Source, Target = g.Key.Target, Cameo = g.Key.Cameo, Name = scale.Name(g.Key.Cameo), Commitment = IsCommitment(g.Key.Cameo),
                Outlets = g.Select(x => x.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            })
            .ToList(),
        Actors = reports.SelectMany(r => r.Actors).DistinctBy(Key).OrderBy(x => x.Type, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal).ToList(),
    };

    private static SideDifference Difference(SideAccount side, SideAccount other)
    {
        var theirs = other.Events.Select(e => (e.Source, e.Target, e.Cameo)).ToHashSet();
        var only = side.Events.Where(e => !theirs.Contains((e.Source, e.Target, e.Cameo))).ToList();
        var theirActors = other.Actors.Select(Key).ToHashSet();
        var actors = side.Actors.Where(x => !theirActors.Contains(Key(x))).ToList();
        var commitments = only.Where(e => e.Commitment).ToList();
        var events = only.Where(e => !e.Commitment).ToList();
        return new SideDifference
        {
            Side = side.Side, Other = other.Side, OtherSilent = other.Articles.Count == 0, Commitments = commitments, Events = events, Actors = actors,
            Summary = Summary(side, other, commitments, events, actors),
        };
    }

    private static string Summary(SideAccount side, SideAccount other, List<ReportedEvent> commitments, List<ReportedEvent> events, List<ArticleActor> actors)
    {
        if (side.Articles.Count == 0) return $"No {side.Side} outlet has reported the meeting.";
        var lead = other.Articles.Count == 0 ? $"Only {side.Side} outlets have reported the meeting (no {other.Side} outlet yet):" : $"Only {side.Side} outlets report:";
        var parts = new List<string>();
        if (commitments.Count > 0) parts.Add($"{Count(commitments.Count, "commitment")} ({string.Join(", ", commitments.Select(Describe))})");
        if (events.Count > 0) parts.Add($"{Count(events.Count, "other event")} ({string.Join(", ", events.Select(Describe))})");
        if (actors.Count > 0) parts.Add($"{Count(actors.Count, "actor")} ({string.Join(", ", actors.Select(x => x.Name))})");
        return parts.Count == 0 ? $"{side.Side} outlets report nothing that {other.Side} outlets do not." : $"{lead} {string.Join("; ", parts)}.";
    }

    private static string Describe(ReportedEvent e) => $"{e.Source}→{e.Target} {e.Cameo} {e.Name}";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static (string, string) Key(ArticleActor actor) => (actor.Type, actor.Name.ToLowerInvariant());
}
