using Monitoring.Alert.Breaking;
using Monitoring.Alert.Shifts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Signals;

/// <summary>Runs every signal detector on an article before it is matched, so its subscriptions can ask for the signals.</summary>
public sealed class SignalDetector(ShiftDetector shifts, BreakingDetector breaking)
{
    /// <remarks>
    /// The two detectors keep separate state (relation events, story outlets) and neither reads the other's, so they run
    /// side by side: their writes then share commits instead of each waiting for its own.
    /// </remarks>
    public async Task<ArticleSignals> DetectAsync(ArticleClassified article, CancellationToken cancellationToken)
    {
        var shifting = shifts.DetectAsync(article, cancellationToken);
        var growing = breaking.DetectAsync(article, cancellationToken);
        await Task.WhenAll(shifting, growing);
        var (fired, story) = (await shifting, await growing);
        return fired.Count == 0 && story is null ? ArticleSignals.None : new ArticleSignals(fired, story);
    }
}
