using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Monitoring.ServiceDefaults.Telemetry;
using Monitoring.Storage.Outbox;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// One service's outbox in this process: its store, and the messages published but not yet removed from it. Removal is
/// batched by <see cref="OutboxDispatcher"/> (one write for many publishes); a crash before it only publishes those
/// messages again, which every consumer takes as the redelivery it is (idempotent by business key).
/// </summary>
public sealed class Outbox : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _published = new(StringComparer.Ordinal);

    // Claimed by the relay or the dispatcher while its publish runs, so the two never publish one message at once (a clock
    // that jumps past the grace period, as a test's does, would otherwise let the dispatcher take a message the relay is sending).
    private readonly ConcurrentDictionary<string, byte> _publishing = new(StringComparer.Ordinal);

    private readonly BrokerAvailability? _broker;

    public Outbox(string name, IOutboxStore store, BrokerAvailability? broker = null)
    {
        Name = name;
        Store = store;
        _broker = broker;
        OutboxMetrics.Live.TryAdd(this, 0);
    }

    public string Name { get; }
    public IOutboxStore Store { get; }

    /// <summary>Messages past the grace period and still unpublished at the dispatcher's last look: what the "not yet announced" gauge shows.</summary>
    public long LastPending { get; internal set; }

    public void Dispose() => OutboxMetrics.Live.TryRemove(this, out _);

    internal bool IsPublished(string id) => _published.ContainsKey(id);

    internal List<string> TakePublished()
    {
        var ids = _published.Keys.ToList();
        foreach (var id in ids) _published.TryRemove(id, out _);
        return ids;
    }

    internal void ReturnPublished(IEnumerable<string> ids)
    {
        foreach (var id in ids) _published.TryAdd(id, 0);
    }

    /// <summary>
    /// Publishes <paramref name="message"/>, waiting at most <paramref name="timeout"/> for the broker. False, logged,
    /// when it could not: the message stays in the store for the next attempt.
    /// </summary>
    public async Task<bool> TryPublishAsync(IPublishEndpoint publisher, OutboxMessage message, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        if (!_publishing.TryAdd(message.Id, 0)) return true;
        if (_published.ContainsKey(message.Id))
        {
            _publishing.TryRemove(message.Id, out _);
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            var body = message.Deserialize(out var type);
            var messageId = Guid.TryParseExact(message.Id, "N", out var id) ? id : NewId.NextGuid();
            // The wait is bounded here, not only by the token: a publish caught in the broker's reconnection can ignore
            // its token, and one that never returned kept its claim, so neither the relay nor the dispatcher ever
            // published that message again. One left running that succeeds later is a redelivery the consumers absorb.
            await publisher.Publish(body, type, Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = messageId;
                StoredBodySerializer.Apply(context, message);
            }), timer.Token).WaitAsync(timer.Token);
            _published.TryAdd(message.Id, 0);
            _broker?.Published();
            OutboxMetrics.Published.Add(1, new KeyValuePair<string, object?>("outbox", Name));
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _broker?.PublishFailed();
            OutboxMetrics.PublishFailures.Add(1, new KeyValuePair<string, object?>("outbox", Name));
            var reason = exception is OperationCanceledException ? $"no confirmation within {timeout.TotalSeconds:0.#} s" : exception.Message;
            logger.LogWarning("Publishing {MessageType} {MessageId} from {Outbox} failed ({Reason}); it stays in the outbox and is published when the broker answers",
                message.MessageType.Split(',')[0], message.Id, Name, reason);
            Activity.Current?.AddEvent(new ActivityEvent("outbox publish deferred"));
            return false;
        }
        finally
        {
            _publishing.TryRemove(message.Id, out _);
        }
    }
}
