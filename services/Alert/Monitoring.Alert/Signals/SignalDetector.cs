using Monitoring.Alert.Breaking;
using Monitoring.Alert.Shifts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Signals;

/// <summary>Runs every signal detector on an article before it is matched, so its subscriptions can ask for the signals.</summary>
public sealed class SignalDetector(ShiftDetector shifts, BreakingDetector breaking)
{
    public async Task<ArticleSignals> DetectAsync(ArticleClassified article, CancellationToken cancellationToken)
    {
        var fired = await shifts.DetectAsync(article, cancellationToken);
        var story = await breaking.DetectAsync(article, cancellationToken);
        return fired.Count == 0 && story is null ? ArticleSignals.None : new ArticleSignals(fired, story);
    }
}
