using Monitoring.Alert.Shifts;

namespace Monitoring.Monitor.Tests.Signals;

/// <summary>A relation's past as the alert service's store would hold it had it been running: one day of talks (CAMEO 036) each day from 96 to 7 days ago.</summary>
public static class QuietHistory
{
    public static async Task RecordAsync(IRelationStore store, string source, string target, DateTimeOffset now)
    {
        for (var day = 96; day >= 7; day--)
        {
            var at = now.AddDays(-day);
            await store.RecordAsync([new RelationEvent
            {
                Pair = RelationEvent.PairOf(source, target), StoryId = $"history-{day}", ArticleId = $"history-{day}", Source = source, Target = target,
                Cameo = "036", Root = "03", QuadClass = 1, Goldstein = 4, Day = DateOnly.FromDateTime(at.UtcDateTime), RecordedAt = at,
            }], TestContext.Current.CancellationToken);
        }
    }
}
