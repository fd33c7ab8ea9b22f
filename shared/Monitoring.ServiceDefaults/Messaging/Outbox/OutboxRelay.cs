using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Storage.Outbox;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes what a store has just committed to its outbox, at once and in the caller's trace (inside a consumer, with
/// its conversation), each publish bounded by <see cref="OutboxOptions.PublishTimeout"/>. What does not go out stays for
/// <see cref="OutboxDispatcher"/>: the caller never loses a message and never waits past the timeout.
/// </summary>
public sealed class OutboxRelay(IPublishEndpoint publisher, IServiceProvider services, IOptions<OutboxOptions> options, ILogger<OutboxRelay> logger)
{
    /// <summary>True when every message was published now.</summary>
    public async Task<bool> RelayAsync(string outbox, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return true;
        var target = services.GetRequiredKeyedService<Outbox>(outbox);
        var all = true;
        foreach (var message in messages)
        {
            all &= await target.TryPublishAsync(publisher, message, options.Value.PublishTimeout, logger, cancellationToken);
        }

        return all;
    }

    public Task<bool> RelayAsync(string outbox, OutboxMessage? message, CancellationToken cancellationToken) =>
        message is null ? Task.FromResult(true) : RelayAsync(outbox, [message], cancellationToken);
}
