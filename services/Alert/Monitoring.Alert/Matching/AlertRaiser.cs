using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Preview;
using Monitoring.Alert.Scheduling;
using Monitoring.Alert.Signals;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Faults;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage.Outbox;

namespace Monitoring.Alert.Matching;

/// <summary>
/// Matches a classified article against the subscription index and keeps one alert per subscription and story: the
/// first article raises it, later ones of the same story update it (delivered again only when the subscription asks
/// for updates), and a story marked not relevant raises nothing more.
/// </summary>
public sealed class AlertRaiser(
    SubscriptionCatalog catalog, IAlertStore alerts, IRecentArticleStore recent, IOptions<AlertOptions> options, OutboxRelay relay, TimeProvider clock,
    CorroborationRaiser corroboration, SignalDetector signals)
{
    public Task<int> RaiseAsync(ArticleClassified article, CancellationToken cancellationToken) => RaiseAsync(article, default, cancellationToken);

    /// <param name="receivedJson">The article's JSON as it arrived (<see cref="ConsumeContextJson.MessageJson{T}"/>), stored as the recent article; empty when there is none.</param>
    public async Task<int> RaiseAsync(ArticleClassified article, ReadOnlyMemory<byte> receivedJson, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(article.ArticleId)) throw new InvalidMessageException("ArticleClassified without an ArticleId.");
        var storyId = string.IsNullOrWhiteSpace(article.StoryId) ? article.ArticleId : article.StoryId;

        // Three records of the article that read nothing of each other's, written side by side so their writes share
        // commits: the article for previews and the feedback export (the alert service sees articles only here), its
        // event reports for corroboration, and the signals. All are awaited before any alert is written, so a failure
        // still stops this delivery before anything is raised; each is idempotent, so the redelivery writes it again.
        var received = clock.GetUtcNow();
        var kept = recent.AddAsync(new RecentArticle(article, received) { ReceivedJson = receivedJson }, received - options.Value.RecentArticlesRetention, cancellationToken);
        var reporting = corroboration.RecordAsync(article, storyId, cancellationToken);
        var detecting = signals.DetectAsync(article, cancellationToken);
        await Task.WhenAll(kept, reporting, detecting);
        var (reports, detected) = (await reporting, await detecting);

        var matchable = MatchableArticle.From(article, detected.Keys);
        var index = await catalog.GetAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var matches = index.Match(matchable);
        AlertMetrics.MatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Activity.Current?.SetTag("monitoring.subscriptions_matched", matches.Count);

        var raised = 0;
        var announcements = new List<OutboxMessage>();
        // corroborated:N subscriptions alert per event, not per story; so do channels gated by corroboration, besides the story alerts.
        raised += await corroboration.RaiseAsync(article, reports, matches.FindAll(m => m.EventThreshold is not null), announcements, cancellationToken);
        foreach (var match in matches)
        {
            if (match.CorroboratedBy is not null) continue;
            var subscription = match.Subscription;
            var urgent = match.IsUrgent(matchable);
            var now = clock.GetUtcNow();
            var (status, dueAt) = DeliveryTiming.Decide(subscription, urgent, now);
            var (shifts, breaking) = detected.For(match.Query, match.Urgent);
            var candidate = NewAlert(subscription, storyId, article, urgent, status, dueAt, now) with
            {
                Outlets = article.Source is { Length: > 0 } source ? [source] : [],
                Shifts = shifts,
                Breaking = breaking,
            };

            // Pending alerts are announced from the outbox, written with the alert: a crash after this cannot lose them.
            var announcement = status == DeliveryStatus.Pending ? OutboxMessage.For(Announcement(candidate), now) : null;
            var (inserted, alert) = await alerts.TryInsertAsync(candidate, announcement, cancellationToken);
            if (inserted)
            {
                raised++;
                AlertMetrics.Raised.Add(1);
                if (announcement is not null) announcements.Add(announcement);
            }
            else if (alert.ArticleId != article.ArticleId)
            {
                // Counted and, when the subscription asks for updates, sent again: one transaction, so a crash cannot do one without the other.
                var requeue = subscription.NotifyOnUpdates ? Requeue(status, dueAt, now, announcements) : null;
                var story = new StoryArticle(article.ArticleId, article.Source, article.Title, article.Url, now);
                if (await alerts.AddArticleAsync(alert.AlertId, story, requeue, cancellationToken) is not null) AlertMetrics.StoryUpdates.Add(1);
            }

            // Otherwise a redelivery of an article already counted: its announcement was written with the alert.
        }

        FailPoints.Reach(FailPoints.AlertStored);
        await relay.RelayAsync(AlertOutbox.Name, announcements, cancellationToken);
        return raised;
    }

    /// <summary>A subscription's new alert for <paramref name="article"/> in <paramref name="storyId"/>, before its kind adds what it carries.</summary>
    public static AlertRecord NewAlert(
        Subscriptions.Subscription subscription, string storyId, ArticleClassified article, bool urgent, DeliveryStatus status, DateTimeOffset? dueAt, DateTimeOffset now) => new()
    {
        AlertId = AlertIdFor(subscription.SubscriptionId, storyId),
        SubscriptionId = subscription.SubscriptionId,
        AnalystId = subscription.AnalystId,
        StoryId = storyId,
        ArticleId = article.ArticleId,
        Title = article.Title,
        Url = article.Url,
        Topics = article.Topics.Select(t => t.Id).ToList(),
        Countries = article.Countries,
        LatestArticleId = article.ArticleId,
        LatestTitle = article.Title,
        LatestUrl = article.Url,
        Urgent = urgent,
        ArticleIngestedAt = article.IngestedAt,
        RaisedAt = now,
        DeliveryStatus = status,
        DueAt = dueAt,
    };

    /// <summary>An alert sent again as it now stands, announced (when pending) in the store's transaction and added to <paramref name="announcements"/> for the relay.</summary>
    public static AlertRequeue Requeue(DeliveryStatus status, DateTimeOffset? dueAt, DateTimeOffset now, List<OutboxMessage> announcements) =>
        new(status, dueAt, now, (requeued, _) =>
        {
            IReadOnlyList<OutboxMessage> again = requeued[0].DeliveryStatus == DeliveryStatus.Pending ? [OutboxMessage.For(Announcement(requeued[0]), now)] : [];
            announcements.AddRange(again);
            return Task.FromResult(again);
        });

    public static AlertRaised Announcement(AlertRecord alert) => new()
    {
        AlertId = alert.AlertId,
        SubscriptionId = alert.SubscriptionId,
        AnalystId = alert.AnalystId,
        ArticleId = alert.LatestArticleId ?? alert.ArticleId,
        StoryId = alert.StoryId,
        Title = alert.LatestTitle ?? alert.Title,
        Url = alert.LatestUrl ?? alert.Url,
        Topics = alert.Topics,
        Countries = alert.Countries,
        ArticleIngestedAt = alert.ArticleIngestedAt,
        RaisedAt = alert.RaisedAt,
        ArticleCount = alert.ArticleCount,
        Corroboration = alert.Corroboration,
    };

    public static string AlertIdFor(string subscriptionId, string storyId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId}\n{storyId}")))[..32];
}
