using System.Collections.Concurrent;
using System.Threading.Channels;
using Monitoring.Alert.Delivery;
using Monitoring.Contracts;

namespace Monitoring.Alert.Streaming;

/// <summary>
/// The live listeners of this instance, per analyst. Each listener has a bounded queue: a reader that stops reading
/// loses the oldest alerts, never blocks delivery. An announcement this instance has streamed already (a redelivered or
/// re-swept <c>AlertRaised</c>, same alert and article count) is not streamed again, so no listener sees an id twice.
/// </summary>
public sealed class AlertStream
{
    private const int Remembered = 20_000;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<AlertRaised>>> _listeners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _streamed = new(StringComparer.Ordinal);
    private readonly Queue<string> _streamedOrder = new();

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
        if (!_listeners.TryGetValue(alert.AnalystId, out var listeners) || listeners.IsEmpty) return;
        if (!FirstTime(DeliveryIds.Of(alert.AlertId, alert.ArticleCount)))
        {
            AlertMetrics.StreamRepeatsDropped.Add(1);
            return;
        }

        foreach (var channel in listeners.Values) channel.Writer.TryWrite(alert);
    }

    /// <summary>True the first time an id is streamed (the last <see cref="Remembered"/> ids are kept).</summary>
    private bool FirstTime(string deliveryId)
    {
        lock (_streamed)
        {
            if (!_streamed.Add(deliveryId)) return false;
            _streamedOrder.Enqueue(deliveryId);
            if (_streamedOrder.Count > Remembered) _streamed.Remove(_streamedOrder.Dequeue());
            return true;
        }
    }
}
