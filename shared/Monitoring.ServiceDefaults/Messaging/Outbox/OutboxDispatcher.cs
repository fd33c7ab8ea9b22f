using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.ServiceDefaults.Telemetry;
using Monitoring.Storage.Outbox;

namespace Monitoring.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Empties one outbox: removes what was published (in batches), and publishes what was not — messages whose request
/// timed out on the broker, or that a killed process left behind, found again at the next start. Runs in every instance;
/// two instances publishing the same message is a redelivery the consumers absorb.
/// </summary>
public sealed class OutboxDispatcher(
    Outbox outbox, IBus bus, IHostApplicationLifetime lifetime, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing starts once the host, and so the bus, has started.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var settings = options.Value;
        var nextScan = clock.GetUtcNow();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FlushAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextScan)
                {
                    var published = await DispatchPendingAsync(settings, stoppingToken);
                    failures = published ? 0 : failures + 1;
                    // While the broker is away, look less often (up to 5 s), so the log stays quiet and a broker that is back is found soon.
                    nextScan = clock.GetUtcNow() + (failures == 0 ? settings.PollInterval : TimeSpan.FromSeconds(Math.Min(5, Math.Pow(2, failures - 1))));
                }

                // Real time, whatever clock the service runs on: the batch of removals must not wait for a test to move time.
                await Task.Delay(FlushInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Outbox {Outbox}: dispatching failed; trying again", outbox.Name);
                nextScan = clock.GetUtcNow() + settings.PollInterval;
            }
        }

        // What was published before the stop is removed now, so a restart does not publish it again.
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Outbox {Outbox}: removing published messages at stop failed; they will be published again", outbox.Name);
        }
    }

    /// <summary>Publishes every message older than the grace period that nobody published; false when one failed.</summary>
    public async Task<bool> DispatchPendingAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxMessage> pending;
        do
        {
            pending = await outbox.Store.PendingAsync(clock.GetUtcNow() - settings.Grace, settings.BatchSize, cancellationToken);
            outbox.LastPending = pending.Count;
            var published = 0;
            foreach (var message in pending)
            {
                if (outbox.IsPublished(message.Id)) continue;
                using var activity = StartActivity(message);
                if (!await outbox.TryPublishAsync(bus, message, settings.PublishTimeout, logger, cancellationToken)) return false;
                published++;
            }

            if (published > 0) logger.LogInformation("Outbox {Outbox}: published {Count} message(s) left behind", outbox.Name, published);
            await FlushAsync(cancellationToken);
        }
        while (pending.Count == settings.BatchSize);

        return true;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var ids = outbox.TakePublished();
        if (ids.Count == 0) return;
        try
        {
            await outbox.Store.RemoveAsync(ids, cancellationToken);
        }
        catch
        {
            outbox.ReturnPublished(ids);
            throw;
        }
    }

    /// <summary>A publish made later still belongs to the trace of the request that wrote the message.</summary>
    private static Activity? StartActivity(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        var activity = MonitoringTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("monitoring.outbox_message_id", message.Id);
        return activity;
    }
}
