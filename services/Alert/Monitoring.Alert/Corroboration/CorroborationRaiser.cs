using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Scheduling;
using Monitoring.Contracts;
using Monitoring.Storage.Outbox;

namespace Monitoring.Alert.Corroboration;

/// <summary>
/// Records every article's event reports, then, for each subscription with <c>corroborated:N</c> or a channel gated by
/// corroboration (<c>minOutlets</c>) that the article matches, raises one alert per event that enough outlets now report — once: the alert's id comes from the subscription
/// and the event (<c>event:{eventId}</c> as its story), and the alert store's unique index keeps the first.
/// </summary>
public sealed class CorroborationRaiser(ICorroborationStore store, IAlertStore alerts, OutletDirectory outlets, IOptions<CorroborationOptions> options, TimeProvider clock)
{
    public const string StoryPrefix = "event:";

    /// <summary>Records the article's event reports (none when it reports no event) and returns them, for <see cref="RaiseAsync(ArticleClassified, IReadOnlyList{EventReport}, IReadOnlyList{CompiledSubscription}, List{OutboxMessage}, CancellationToken)"/>.</summary>
    public async Task<IReadOnlyList<EventReport>> RecordAsync(ArticleClassified article, string storyId, CancellationToken cancellationToken)
    {
        var reports = EventReports.From(article, storyId, options.Value);
        if (reports.Count > 0) await store.AddAsync(reports, cancellationToken);
        return reports;
    }

    /// <summary>Raises what the <paramref name="reports"/> recorded by <see cref="RecordAsync"/> make due, adds the announcements to <paramref name="announcements"/>; returns how many alerts were raised.</summary>
    public async Task<int> RaiseAsync(
        ArticleClassified article, IReadOnlyList<EventReport> reports, IReadOnlyList<CompiledSubscription> subscriptions, List<OutboxMessage> announcements, CancellationToken cancellationToken)
    {
        if (reports.Count == 0 || subscriptions.Count == 0) return 0;

        var raised = 0;
        var fewest = subscriptions.Min(s => s.EventThreshold!.Value);
        foreach (var report in reports.Where(r => r.Target != EventReports.UnknownActor))
        {
            var eventReports = await store.ReportsAsync(report.EventId, cancellationToken);
            var provenance = Provenance.Of(eventReports, [], outlets, options.Value.Window);
            if (provenance.IndependentOutlets < fewest) continue;
            IReadOnlyList<EventReport>? denials = null;
            var onlyThisEvent = OnlyEvent(article, report);
            foreach (var subscription in subscriptions)
            {
                if (provenance.IndependentOutlets < subscription.EventThreshold || !subscription.Matches(onlyThisEvent)) continue;
                denials ??= await store.DenialsAsync(report.WindowStart, [report.Source, report.Target], cancellationToken);
                var corroboration = Provenance.Of(eventReports, denials, outlets, options.Value.Window, subscription.CorroboratedBy);
                if (await TryRaiseAsync(article, subscription, corroboration, onlyThisEvent, announcements, cancellationToken)) raised++;
            }
        }

        return raised;
    }

    /// <summary>
    /// Raises the subscription's alert for the event, or, when it has one and the event has just crossed another of its
    /// thresholds (a gated channel's <c>minOutlets</c> above the first), brings its provenance up to date and sends it
    /// again for the channels that now admit it. True only for a new alert.
    /// </summary>
    private async Task<bool> TryRaiseAsync(
        ArticleClassified article, CompiledSubscription compiled, EventCorroboration corroboration, MatchableArticle matchable, List<OutboxMessage> announcements, CancellationToken cancellationToken)
    {
        var subscription = compiled.Subscription;
        var urgent = compiled.IsUrgent(matchable);
        var now = clock.GetUtcNow();
        var (status, dueAt) = DeliveryTiming.Decide(subscription, urgent, now);
        var storyId = StoryPrefix + corroboration.EventId;
        var outletsReporting = corroboration.Reports.Where(r => !r.Syndicated).Select(r => r.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var alert = AlertRaiser.NewAlert(subscription, storyId, article, urgent, status, dueAt, now) with { Outlets = outletsReporting, Corroboration = corroboration };

        var announcement = status == DeliveryStatus.Pending ? OutboxMessage.For(AlertRaiser.Announcement(alert), now) : null;
        var (inserted, existing) = await alerts.TryInsertAsync(alert, announcement, cancellationToken);
        if (inserted)
        {
            AlertMetrics.Raised.Add(1, new KeyValuePair<string, object?>("kind", "corroborated"));
            if (announcement is not null) announcements.Add(announcement);
            return true;
        }

        if (existing.Corroboration is { } before && compiled.Crosses(before.IndependentOutlets, corroboration.IndependentOutlets))
        {
            await alerts.UpdateCorroborationAsync(existing.AlertId, corroboration, outletsReporting, AlertRaiser.Requeue(status, dueAt, now, announcements), cancellationToken);
        }

        return false;
    }

    /// <summary>The article as the subscription sees it with only this event's codes: <c>event:</c> and <c>quad:</c> then test this event.</summary>
    private static MatchableArticle OnlyEvent(ArticleClassified article, EventReport report)
    {
        var codes = (article.EventCodes ?? article.Events?.Select(e => new ArticleEventCode { Cameo = e.Cameo, Source = e.Source.Code, Target = e.Target.Code, Place = e.Place }) ?? [])
            .Where(e => e.Source == report.Source && e.Target == report.Target && e.Cameo.StartsWith(report.Root, StringComparison.Ordinal)).ToList();
        return MatchableArticle.From(article with { EventCodes = codes, Events = null });
    }
}
