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
        console.Write("alert", $"{DemoConsole.ShortId(alert.AlertId)} for \"{subscription?.Name ?? alert.SubscriptionId}\" ← {DemoConsole.Quote(alert.Title)}");
    }
}
