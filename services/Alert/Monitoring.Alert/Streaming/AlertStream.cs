using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Delivery;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Alert.Streaming;

/// <summary>
/// The live listeners of this instance, per analyst. Each listener has a bounded queue: a reader that stops reading
/// loses the oldest alerts, never blocks delivery. An announcement this instance has streamed already (a redelivered or
/// re-swept <c>AlertRaised</c>, same alert and article count) is not streamed again, so no listener sees an id twice.
/// The instance consumes alerts only while it has a listener (<see cref="Feed"/>): with none, no alert reaches it.
/// </summary>
public sealed class AlertStream([FromKeyedServices(AlertStream.Feed)] OnDemandEndpoint feed)
{
    /// <summary>The on-demand endpoint whose queue feeds the listeners (<c>stream-alert-{host}-{id}</c>).</summary>
    public const string Feed = "stream-alert";

    private const int Remembered = 20_000;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<AlertRaised>>> _listeners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _streamed = new(StringComparer.Ordinal);
    private readonly Queue<string> _streamedOrder = new();

    public int ListenerCount(string analystId) => _listeners.TryGetValue(analystId, out var listeners) ? listeners.Count : 0;

    /// <summary>
    /// A new listener of <paramref name="analystId"/>'s alerts. Once this returns the instance is consuming, so every alert
    /// raised from then on reaches it (unless the broker is away: then from when it is back).
    /// </summary>
    public async Task<Listener> OpenAsync(string analystId, CancellationToken cancellationToken)
    {
        var lease = await feed.AcquireAsync(endpoint => endpoint.Consumer(() => new StreamAlertConsumer(this)), cancellationToken);
        var channel = Channel.CreateBounded<AlertRaised>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var listeners = _listeners.GetOrAdd(analystId, _ => new ConcurrentDictionary<Guid, Channel<AlertRaised>>());
        var id = Guid.NewGuid();
        listeners[id] = channel;
        return new Listener(channel, async () =>
        {
            listeners.TryRemove(id, out _);
            await lease.DisposeAsync();
        });
    }

    /// <summary>One listener's alerts; disposing it stops listening (and consuming, when it was the last).</summary>
    public sealed class Listener(Channel<AlertRaised> channel, Func<ValueTask> close) : IAsyncDisposable
    {
        private int _closed;

        public IAsyncEnumerable<AlertRaised> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _closed, 1) == 0 ? close() : ValueTask.CompletedTask;
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
