using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Preview;
using Monitoring.Alert.Shifts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Sides;

/// <summary>
/// A story's meetings and both sides' accounts of each: the story's own relation events give the pairs it codes in
/// both directions on a day; every story's events of that pair and day are the meeting's reports (the first article
/// of each story, so a syndicated copy is not a second account); the article's outlet, found in the outlet list,
/// gives its side, and the kept article its actors.
/// </summary>
public sealed class SidesReader(IRelationStore relations, IRecentArticleStore articles, OutletDirectory outlets, CameoScale scale)
{
    /// <summary>At most this many of a pair's events of one day are read for a meeting.</summary>
    public const int MaxEvents = 1000;

    /// <summary>Null when the alert service has recorded no event between two countries for the story.</summary>
    public async Task<StorySides?> ReadAsync(string storyId, CancellationToken cancellationToken)
    {
        var own = await relations.OfStoryAsync(storyId, cancellationToken);
        if (own.Count == 0) return null;

        var meetings = new List<MeetingSides>();
        foreach (var meeting in own.GroupBy(e => (e.Pair, e.Day)).Where(g => g.Select(e => e.Source).Distinct().Count() == 2))
        {
            var (pair, day) = meeting.Key;
            var events = await relations.EventsAsync(pair, day, day, [], MaxEvents, cancellationToken);
            var reports = new List<SideReport>();
            foreach (var article in events.GroupBy(e => e.ArticleId).OrderBy(g => g.Min(e => e.RecordedAt)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                reports.Add(await ReportAsync(pair, article.ToList(), cancellationToken));
            }

            meetings.Add(SideComparison.Compare(pair, day, reports, scale));
        }

        return new StorySides { StoryId = storyId, Meetings = meetings };
    }

    private async Task<SideReport> ReportAsync(string pair, List<RelationEvent> events, CancellationToken cancellationToken)
    {
        var first = events[0];
        var article = (await articles.GetAsync(first.ArticleId, cancellationToken))?.Article;
        var outlet = article is null ? null : EventReports.OutletOf(article);
        var country = outlet is null ? null : outlets.Find(outlet)?.Country;
        var side = country is not null && pair.Split('-').Contains(country, StringComparer.Ordinal) ? country : SideAccount.Others;
        return new SideReport(
            new AccountArticle { ArticleId = first.ArticleId, StoryId = first.StoryId, Outlet = outlet, Title = first.Title ?? article?.Title, Url = first.Url ?? article?.Url },
            side,
            events.Select(e => (e.Source, e.Target, e.Cameo)).Distinct().ToList(),
            article?.Actors ?? []);
    }
}
