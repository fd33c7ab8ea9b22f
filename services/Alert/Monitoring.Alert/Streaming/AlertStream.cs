using System.Collections.Concurrent;
using System.Threading.Channels;
using Monitoring.Contracts;

namespace Monitoring.Alert.Streaming;

/// <summary>The live listeners of this instance, per analyst. Each listener has a bounded queue: a reader that stops reading loses the oldest alerts, never blocks delivery.</summary>
public sealed class AlertStream
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<AlertRaised>>> _listeners = new(StringComparer.Ordinal);

    public int ListenerCount(string analystId) => _listeners.TryGetValue(analystId, out var listeners) ? listeners.Count : 0;

    public async IAsyncEnumerable<AlertRaised> ListenAsync(string analystId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<AlertRaised>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        var listeners = _listeners.GetOrAdd(analystId, _ => new ConcurrentDictionary<Guid, Channel<AlertRaised>>());
        listeners[id] = channel;
        try
        {
            await foreach (var alert in channel.Reader.ReadAllAsync(cancellationToken)) yield return alert;
        }
        finally
        {
            listeners.TryRemove(id, out _);
        }
    }

    public void Publish(AlertRaised alert)
    {
        if (!_listeners.TryGetValue(alert.AnalystId, out var listeners)) return;
        foreach (var channel in listeners.Values) channel.Writer.TryWrite(alert);
    }
}
