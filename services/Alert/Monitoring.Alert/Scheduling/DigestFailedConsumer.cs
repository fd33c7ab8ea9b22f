using MassTransit;
using Monitoring.Alert.Alerts;

namespace Monitoring.Alert.Scheduling;

/// <summary>Every retry of a digest failed: each of its alerts is recorded as failed, visible through the API.</summary>
public sealed class DigestFailedConsumer(IAlertStore alerts) : IConsumer<Fault<DigestDue>>
{
    public async Task Consume(ConsumeContext<Fault<DigestDue>> context)
    {
        var error = context.Message.Exceptions.FirstOrDefault()?.Message ?? "digest delivery failed";
        foreach (var alertId in context.Message.Message.AlertIds) await alerts.MarkFailedAsync(alertId, error, context.CancellationToken);
        AlertMetrics.Failed.Add(context.Message.Message.AlertIds.Count);
    }
}
