using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Delivery;

/// <summary>Sends a <see cref="Notification"/> to one channel: our signed JSON, a Slack or Teams message, or an e-mail. Throws on failure.</summary>
public sealed class ChannelSender(IHttpClientFactory httpClients, IWebhookUrlPolicy urls, SigningSecrets secrets, IOptions<AlertOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";
    public const string AlertIdHeader = DeliveryIds.AlertIdHeader;

    public Task SendAsync(DeliveryChannel channel, Notification notification, CancellationToken cancellationToken) => channel.Type switch
    {
        ChannelType.Email => SendEmailAsync(channel.Target, notification, cancellationToken),
        _ => PostAsync(channel, notification, cancellationToken),
    };

    public static string KeyOf(DeliveryChannel channel) => $"{channel.Type.ToString().ToLowerInvariant()}:{channel.Target}";

    private async Task PostAsync(DeliveryChannel channel, Notification notification, CancellationToken cancellationToken)
    {
        var url = new Uri(channel.Target);
        if (await urls.CheckAsync(url, cancellationToken) is { } refused) throw new HttpRequestException($"{channel.Target} refused: {refused}");

        var body = channel.Type switch
        {
            ChannelType.Slack => JsonSerializer.Serialize(SlackMessage(notification)),
            ChannelType.Teams => JsonSerializer.Serialize(TeamsMessage(notification)),
            _ when notification.IsDigest => JsonSerializer.Serialize(
                new DigestPayload(notification.Subscription.SubscriptionId, notification.Subscription.Name, notification.DigestPeriodEnd!.Value,
                    notification.Alerts.Select(WebhookPayload.From).ToList()), JsonSerializerOptions.Web),
            _ => JsonSerializer.Serialize(WebhookPayload.From(notification.Alerts[0]), JsonSerializerOptions.Web),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (notification.IsDigest) request.Headers.Add(DeliveryIds.DigestIdHeader, notification.DeliveryId);
        else request.Headers.Add(AlertIdHeader, notification.Alerts[0].AlertId);
        request.Headers.Add(DeliveryIds.DeliveryIdHeader, notification.DeliveryId);
        if (notification.Subscription.SigningSecret is { } stored)
        {
            var secret = secrets.Unprotect(stored);
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        }

        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task SendEmailAsync(string address, Notification notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new InvalidOperationException("E-mail channel, but Alert:Smtp:Host is not configured.");

        using var message = new MimeMessage();
        var from = MailboxAddress.Parse(smtp.From);
        message.From.Add(from);
        // The same Message-ID on every attempt at this delivery: mail systems that keep it see a resend as the same mail.
        message.MessageId = $"{notification.DeliveryId}@{(from.Domain is { Length: > 0 } domain ? domain : "monitoring.invalid")}";
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = notification.Subject;
        message.Body = new TextPart("plain") { Text = notification.Text };

        using var client = new SmtpClient { Timeout = (int)options.Value.WebhookTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>A Slack incoming-webhook message: fallback text plus one section block per story.</summary>
    private static Dictionary<string, object> SlackMessage(Notification notification) => new Dictionary<string, object>
    {
        ["text"] = notification.Subject,
        ["blocks"] = notification.Alerts.Select(alert => new Dictionary<string, object>
        {
            ["type"] = "section",
            ["text"] = new Dictionary<string, string>
            {
                ["type"] = "mrkdwn",
                ["text"] = ((alert.LatestUrl ?? alert.Url) is { } link ? $"<{link}|{Escape(Notification.TitleOf(alert))}>" : Escape(Notification.TitleOf(alert)))
                    + $"\n{string.Join(", ", alert.Topics)} · {string.Join(" ", alert.Countries)}" + (alert.ArticleCount > 1 ? $" · {alert.ArticleCount} articles" : ""),
            },
        }).ToList(),
    };

    /// <summary>A Microsoft Teams incoming-webhook MessageCard.</summary>
    private static Dictionary<string, object> TeamsMessage(Notification notification) => new Dictionary<string, object>
    {
        ["@type"] = "MessageCard",
        ["@context"] = "https://schema.org/extensions",
        ["summary"] = notification.Subject,
        ["title"] = notification.Subject,
        ["sections"] = notification.Alerts.Select(alert => new Dictionary<string, object?>
        {
            ["activityTitle"] = Notification.TitleOf(alert),
            ["activitySubtitle"] = $"{string.Join(", ", alert.Topics)} · {string.Join(" ", alert.Countries)}",
            ["text"] = alert.LatestUrl ?? alert.Url,
        }).ToList(),
    };

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
