using System.Diagnostics.Metrics;
using MassTransit;

namespace Monitoring.ServiceDefaults.Telemetry;

/// <summary>
/// Per receive endpoint (the pipeline's stages: <c>classify-article</c>, <c>match-subscriptions</c>, <c>deliver-alert</c>…):
/// messages consumed by outcome, how long the consumer took, and how long after it was published the message was done
/// (its wait in the queue included). The dashboard's rates and latency percentiles are drawn from these; the same counts
/// go to <see cref="StageTotals"/> for <c>/health/stages</c>.
/// </summary>
public sealed class StageMetricsObserver(StageTotals totals) : IConsumeObserver
{
    private static readonly Counter<long> Messages = MonitoringTelemetry.Meter.CreateCounter<long>(
        "monitoring.stage.messages", description: "Messages consumed per endpoint, by outcome (ok, fault).");

    private static readonly Histogram<double> Duration = MonitoringTelemetry.Meter.CreateHistogram<double>(
        "monitoring.stage.duration", unit: "s", description: "Time from receiving a message to the end of its consumer.");

    private static readonly Histogram<double> Lag = MonitoringTelemetry.Meter.CreateHistogram<double>(
        "monitoring.stage.lag", unit: "s", description: "Time from publishing a message to the end of its consumer: queue wait plus work.");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Record(context, "ok");
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Record(context, "fault");
        return Task.CompletedTask;
    }

    private void Record<T>(ConsumeContext<T> context, string outcome) where T : class
    {
        var name = EndpointOf(context.ReceiveContext.InputAddress);
        totals.Record(name, faulted: outcome == "fault");
        var endpoint = new KeyValuePair<string, object?>("endpoint", name);
        var message = new KeyValuePair<string, object?>("message", typeof(T).Name);
        Messages.Add(1, endpoint, message, new KeyValuePair<string, object?>("outcome", outcome));
        Duration.Record(context.ReceiveContext.ElapsedTime.TotalSeconds, endpoint, message);
        if (context.SentTime is { } sent) Lag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), endpoint, message);
    }

    private static string EndpointOf(Uri? address) => address?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
}
