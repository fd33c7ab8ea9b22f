using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Storage.Paging;

namespace Monitoring.Ingest.Sources;

/// <summary>Applies the configured sources, then polls every enabled source that is due, a few at a time.</summary>
public sealed class FeedScheduler(
    SourceCatalog catalog,
    ISourceStore store,
    FeedPoller poller,
    IOptions<FeedOptions> options,
    TimeProvider clock,
    ILogger<FeedScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var problem in await catalog.ApplyConfigurationAsync(stoppingToken))
        {
            logger.LogError("Configured feed source not applied: {Problem}", problem);
        }

        using var timer = new PeriodicTimer(options.Value.SchedulerTick, clock);
        do
        {
            try
            {
                await PollDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Feed scheduling pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PollDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = new List<FeedSource>();
        for (var page = new PageRequest(500); ; )
        {
            var sources = await store.ListAsync(page, cancellationToken);
            due.AddRange(sources.Items.Where(source => IsDue(source, now)));
            if (sources.Next is null) break;
            page = page with { After = sources.Next };
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentPolls, CancellationToken = cancellationToken },
            async (source, token) =>
            {
                try
                {
                    await poller.PollAsync(source, token);
                }
                catch (PollInProgressException)
                {
                    // Polled on demand right now; the next pass sees its new schedule.
                }
            });
    }

    public static bool IsDue(FeedSource source, DateTimeOffset now) => source.Enabled && (source.Status.NextPollAt is not { } next || next <= now);
}
