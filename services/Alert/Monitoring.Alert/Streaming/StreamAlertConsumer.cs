using MassTransit;
using Monitoring.Contracts;

namespace Monitoring.Alert.Streaming;

/// <summary>Feeds this instance's live listeners. Runs on an endpoint of this instance alone, while it has listeners (<see cref="AlertStream"/>).</summary>
public sealed class StreamAlertConsumer(AlertStream stream) : IConsumer<AlertRaised>
{
    public Task Consume(ConsumeContext<AlertRaised> context)
    {
        stream.Publish(context.Message);
        return Task.CompletedTask;
    }
}
