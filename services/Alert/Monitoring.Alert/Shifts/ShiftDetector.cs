using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Monitoring.Contracts;

namespace Monitoring.Alert.Shifts;

/// <summary>
/// Keeps every country pair's events and, as an article's events arrive, compares the pair's last
/// <see cref="ShiftOptions.RecentDays"/> with the <see cref="ShiftOptions.BaselineDays"/> before them
/// (<see cref="BalanceRule"/>) and looks for the first event of a serious CAMEO root in the baseline window. A balance
/// shift fires once, then stays open and silent until its measures return (<see cref="ShiftOptions.ReturnFraction"/>)
/// or go a whole recent window unconfirmed. State-based, so a redelivered article finds the shifts it fired.
/// </summary>
public sealed class ShiftDetector(IRelationStore store, RelationEvents relationEvents, IOptions<AlertOptions> options, TimeProvider clock)
{
    private long _prunedDay = -1;

    private ShiftOptions Options => options.Value.Shifts;

    public async Task<IReadOnlyList<RelationShift>> DetectAsync(ArticleClassified article, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (DayOf(article, today) is not { } day) return [];
        var events = relationEvents.Of(article, day, now);
        if (events.Count == 0) return [];

        await PruneOnceADayAsync(today, cancellationToken);
        await store.RecordAsync(events, cancellationToken);
        foreach (var pair in events.GroupBy(e => e.Pair))
        {
            await EvaluateBalanceAsync(pair.Key, article, today, now, cancellationToken);
            foreach (var first in pair.Where(e => Options.FirstEventRoots.Contains(e.Root)).DistinctBy(e => e.Root))
            {
                await EvaluateFirstAsync(first, today, now, cancellationToken);
            }
        }

        return await store.FiredByAsync(article.ArticleId, cancellationToken);
    }

    /// <summary>The publication day when it lies within the windows (a late copy counts where it belongs), today when unknown or in the future; null when older than the windows.</summary>
    private DateOnly? DayOf(ArticleClassified article, DateOnly today)
    {
        if (article.PublishedAt is not { } published) return today;
        var day = DateOnly.FromDateTime(published.UtcDateTime);
        if (day > today) return today;
        return day < today.AddDays(-(Options.RecentDays + Options.BaselineDays - 1)) ? null : day;
    }

    private async Task EvaluateBalanceAsync(string pair, ArticleClassified article, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recentFrom = today.AddDays(1 - Options.RecentDays);
        var baselineFrom = recentFrom.AddDays(-Options.BaselineDays);
        var recent = await store.BalanceAsync(pair, recentFrom, today, cancellationToken);
        var baseline = await store.BalanceAsync(pair, baselineFrom, recentFrom.AddDays(-1), cancellationToken);

        if (await store.OpenShiftAsync(pair, RelationShift.Balance, cancellationToken) is { } open)
        {
            var stale = now - (open.ConfirmedAt ?? open.OpenedAt) > TimeSpan.FromDays(Options.RecentDays);
            if (!stale && BalanceRule.Moved(recent, baseline, Options, Options.ReturnFraction).Count > 0)
            {
                await store.ConfirmAsync(open.ShiftId, now, cancellationToken);
                return;
            }

            await store.CloseAsync(open.ShiftId, now, cancellationToken);
            if (!stale) return;
        }

        var moved = BalanceRule.Moved(recent, baseline, Options);
        if (moved.Count == 0) return;
        // The events that moved it: of the side the balance moved towards.
        var towardsConflict = moved[0].Name == "goldstein" ? moved[0].After < moved[0].Before : moved[0].After > moved[0].Before;
        IReadOnlyList<int> rose = moved.Any(m => m.Name == "share:material-conflict") ? [4] : towardsConflict ? [3, 4] : [1, 2];
        var storyId = string.IsNullOrWhiteSpace(article.StoryId) ? article.ArticleId : article.StoryId;
        await store.TryOpenAsync(new RelationShift
        {
            ShiftId = IdOf(pair, RelationShift.Balance, article.ArticleId), Pair = pair, Kind = RelationShift.Balance, OpenKey = $"{pair}|{RelationShift.Balance}",
            Summary = $"{Display(pair)}: {string.Join("; ", moved.Select(m => m.Text))} (last {Options.RecentDays} days, {recent.Total} events, against the {Options.BaselineDays} days before, {baseline.Total} events)",
            Measures = moved, Events = await store.EventsAsync(pair, recentFrom, today, rose, Options.MaxEvents, cancellationToken),
            RecentFrom = recentFrom, RecentTo = today, BaselineFrom = baselineFrom, RecentEvents = recent.Total, BaselineEvents = baseline.Total,
            ArticleId = article.ArticleId, StoryId = storyId, OpenedAt = now, ConfirmedAt = now,
        }, cancellationToken);
    }

    private async Task EvaluateFirstAsync(RelationEvent first, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.ObservedSinceAsync(cancellationToken) is not { } observedSince) return;
        var observedDays = today.DayNumber - observedSince.DayNumber + 1;
        if (observedDays < Options.MinObservedDays) return;
        var since = first.Day.AddDays(-Options.BaselineDays);
        if (await store.HasEarlierOfRootAsync(first.Pair, first.Root, since, first.StoryId, cancellationToken)) return;

        var span = observedDays >= Options.BaselineDays ? $"in {Options.BaselineDays} days" : $"in the {observedDays} days observed";
        var name = relationEvents.Scale.RootName(first.Root);
        await store.TryOpenAsync(new RelationShift
        {
            ShiftId = IdOf(first.Pair, $"first-{first.Root}", first.StoryId), Pair = first.Pair, Kind = RelationShift.FirstRoot,
            OpenKey = $"{first.Pair}|first-{first.Root}|{first.StoryId}",
            Summary = $"{Display(first.Pair)}: first CAMEO {first.Root} ({name}) event between them {span}: {first.Source}→{first.Target} {first.Cameo}",
            Measures = [new ShiftMeasure { Name = $"first:{first.Root}", Before = 0, After = 1, Text = $"first CAMEO {first.Root} ({name}) event between them {span}" }],
            Events = [first], RecentFrom = first.Day, RecentTo = today, BaselineFrom = since, RecentEvents = 1, BaselineEvents = 0,
            ArticleId = first.ArticleId, StoryId = first.StoryId, OpenedAt = now, ClosedAt = now,
        }, cancellationToken);
    }

    private async Task PruneOnceADayAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _prunedDay, today.DayNumber) == today.DayNumber) return;
        await store.PruneAsync(today.AddDays(-(Options.RecentDays + Options.BaselineDays)), cancellationToken);
    }

    /// <summary>"CHN–RUS".</summary>
    public static string Display(string pair) => pair.Replace('-', '–');

    private static string IdOf(string pair, string kind, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{pair}\n{kind}\n{key}")))[..32];
}
