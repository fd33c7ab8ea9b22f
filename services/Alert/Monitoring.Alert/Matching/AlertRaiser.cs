using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Alert.Matching;

/// <summary>Matches a classified article against every subscription and raises one alert per match.</summary>
public sealed class AlertRaiser(ISubscriptionStore subscriptions, IAlertStore alerts, IPublishEndpoint publisher, TimeProvider clock)
{
    public async Task<int> RaiseAsync(ArticleClassified article, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(article.ArticleId)) throw new InvalidMessageException("ArticleClassified without an ArticleId.");

        var raised = 0;
        foreach (var subscription in await subscriptions.ListAllAsync(cancellationToken))
        {
            if (!SubscriptionMatcher.Matches(subscription, article)) continue;

            var (inserted, alert) = await alerts.TryInsertAsync(new AlertRecord
            {
                AlertId = AlertIdFor(subscription.SubscriptionId, article.ArticleId),
                SubscriptionId = subscription.SubscriptionId,
                AnalystId = subscription.AnalystId,
                ArticleId = article.ArticleId,
                StoryId = article.StoryId,
                Title = article.Title,
                Url = article.Url,
                Topics = article.Topics.Select(t => t.Id).ToList(),
                Countries = article.Countries,
                WebhookUrl = subscription.WebhookUrl,
                ArticleIngestedAt = article.IngestedAt,
                RaisedAt = clock.GetUtcNow(),
            }, cancellationToken);
            if (inserted) raised++;

            // Re-announced even when it already existed: delivery skips alerts it has already sent.
            await publisher.Publish(new AlertRaised
            {
                AlertId = alert.AlertId,
                SubscriptionId = alert.SubscriptionId,
                AnalystId = alert.AnalystId,
                ArticleId = alert.ArticleId,
                StoryId = alert.StoryId,
                Title = alert.Title,
                Url = alert.Url,
                Topics = alert.Topics,
                Countries = alert.Countries,
                ArticleIngestedAt = alert.ArticleIngestedAt,
                RaisedAt = alert.RaisedAt,
            }, cancellationToken);
        }

        return raised;
    }

    public static string AlertIdFor(string subscriptionId, string articleId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId}\n{articleId}")))[..32];
}
