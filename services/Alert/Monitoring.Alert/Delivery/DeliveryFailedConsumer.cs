using MassTransit;
using Monitoring.Alert.Alerts;
using Monitoring.Contracts;

namespace Monitoring.Alert.Delivery;

/// <summary>Every retry of a delivery failed: record it on the alert, where the analyst can see it.</summary>
public sealed class DeliveryFailedConsumer(IAlertStore alerts) : IConsumer<Fault<AlertRaised>>
{
    public async Task Consume(ConsumeContext<Fault<AlertRaised>> context)
    {
        var error = context.Message.Exceptions.FirstOrDefault()?.Message ?? "delivery failed";
        await alerts.MarkFailedAsync(context.Message.Message.AlertId, error, context.CancellationToken);
        AlertMetrics.Failed.Add(1);
    }
}
