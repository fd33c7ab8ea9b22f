using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Alert.Streaming;

/// <summary>Feeds this instance's live listeners. Runs on a temporary endpoint per instance, so every instance sees every alert.</summary>
public sealed class StreamAlertConsumer(AlertStream stream) : IConsumer<AlertRaised>
{
    public Task Consume(ConsumeContext<AlertRaised> context)
    {
        stream.Publish(context.Message);
        return Task.CompletedTask;
    }
}
