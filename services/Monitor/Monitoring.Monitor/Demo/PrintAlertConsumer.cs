using MassTransit;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Monitor.Demo;

public sealed class PrintAlertConsumer(DemoConsole console, ISubscriptionStore subscriptions) : IConsumer<AlertRaised>
{
    public async Task Consume(ConsumeContext<AlertRaised> context)
    {
        var alert = context.Message;
        var subscription = await subscriptions.GetAsync(alert.AnalystId, alert.SubscriptionId, context.CancellationToken);
        if (subscription is not null && GoesToDemoWebhookAtOnce(subscription)) console.ExpectWebhook();
        console.Write("alert", $"{DemoConsole.ShortId(alert.AlertId)} for \"{subscription?.Name ?? alert.SubscriptionId}\" ← {DemoConsole.Quote(alert.Title)}");
    }

    private static bool GoesToDemoWebhookAtOnce(Subscription subscription) =>
        subscription.Schedule.Kind == ScheduleKind.Immediate && subscription.QuietHours is null
        && subscription.Channels.Any(channel => channel is { Type: ChannelType.Webhook, MinOutlets: null } && channel.Target.EndsWith(DemoWebhook.Path, StringComparison.Ordinal));
}
