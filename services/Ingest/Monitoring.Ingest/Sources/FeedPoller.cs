using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Fetching;
using Monitoring.ServiceDefaults.Safety;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Ingest.Sources;

/// <summary>The source is being polled already (by the scheduler or another request).</summary>
public sealed class PollInProgressException(string sourceId) : Exception($"Source '{sourceId}' is being polled already.");

/// <summary>
/// One poll of one feed: conditional GET, parse, ingest the items not seen before (from the feed's own content when
/// it carries the article, else by fetching the link), then record what happened and when to come back.
/// </summary>
public sealed class FeedPoller(
    ISourceStore store,
    PageFetcher fetcher,
    HostPoliteness politeness,
    IServiceScopeFactory scopes,
    IOptions<FeedOptions> options,
    TimeProvider clock,
    ILogger<FeedPoller> logger)
{
    private const string FeedAccept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    private const string PageAccept = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8";
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    public async Task<SourceStatus> PollAsync(FeedSource source, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd(source.Id, 0)) throw new PollInProgressException(source.Id);
        try
        {
            using var activity = MonitoringTelemetry.Source.StartActivity("poll feed");
            activity?.SetTag("monitoring.source_id", source.Id);
            var status = await PollOnceAsync(source, cancellationToken);
            await store.SaveStatusAsync(source.Id, status, cancellationToken);
            activity?.SetTag("monitoring.outcome", status.LastOutcome);
            IngestMetrics.FeedPolls.Add(1, new KeyValuePair<string, object?>("outcome", status.LastOutcome));
            IngestMetrics.FeedItemsNew.Add(status.LastItemsNew);
            return status;
        }
        finally
        {
            _inFlight.TryRemove(source.Id, out _);
        }
    }

    private async Task<SourceStatus> PollOnceAsync(FeedSource source, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var previous = source.Status;
        var polled = previous with { LastPolledAt = startedAt, TotalPolls = previous.TotalPolls + 1 };
        try
        {
            var uri = new Uri(source.Url);
            await politeness.WaitTurnAsync(uri.IdnHost, cancellationToken);
            var feed = await fetcher.FetchAsync(uri, options.Value.MaxFeedBytes, FeedAccept, previous.ETag, previous.LastModified, cancellationToken);
            if (feed.NotModified)
            {
                return Succeeded(polled, "not-modified", seen: 0, fresh: 0, error: null) with { NextPollAt = clock.GetUtcNow() + source.PollInterval };
            }

            var items = FeedParser.Parse(feed.Body, feed.Charset).Take(options.Value.MaxItemsPerPoll).ToList();
            var seenBefore = await store.GetSeenItemsAsync(source.Id, items.Select(i => i.Key).ToList(), cancellationToken);
            var fresh = 0;
            var failures = new List<string>();
            foreach (var item in items.Where(i => !seenBefore.Contains(i.Key)).DistinctBy(i => i.Key))
            {
                var failure = await IngestItemAsync(source, item, feed.FinalUri, cancellationToken);
                if (failure is null) fresh++;
                else failures.Add(failure);
            }

            var error = failures.Count == 0 ? null : $"{failures.Count} of {items.Count} items failed; first: {failures[0]}";
            return Succeeded(polled, "ok", items.Count, fresh, error) with
            {
                ETag = feed.ETag,
                LastModified = feed.LastModified,
                NextPollAt = clock.GetUtcNow() + source.PollInterval,
            };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failures = previous.ConsecutiveFailures + 1;
            var retryAfter = (exception as UpstreamStatusException)?.RetryAfter;
            logger.LogWarning("Polling source {SourceId} failed ({Failures} in a row): {Error}", source.Id, failures, Describe(exception));
            return polled with
            {
                LastOutcome = "error",
                LastError = Describe(exception),
                ConsecutiveFailures = failures,
                TotalErrors = previous.TotalErrors + 1,
                LastItemsSeen = 0,
                LastItemsNew = 0,
                NextPollAt = clock.GetUtcNow() + Backoff.After(source.PollInterval, failures, options.Value.MaxBackoff, retryAfter),
            };
        }
    }

    private static SourceStatus Succeeded(SourceStatus polled, string outcome, int seen, int fresh, string? error) => polled with
    {
        LastOutcome = outcome,
        LastSuccessAt = polled.LastPolledAt,
        LastError = error,
        ConsecutiveFailures = 0,
        LastItemsSeen = seen,
        LastItemsNew = fresh,
        TotalItemsSeen = polled.TotalItemsSeen + seen,
        TotalItemsNew = polled.TotalItemsNew + fresh,
    };

    /// <summary>Null when the item was ingested; otherwise why not. Items that can never succeed are recorded as seen so they are not fetched forever.</summary>
    private async Task<string?> IngestItemAsync(FeedSource source, FeedItem item, Uri feedUri, CancellationToken cancellationToken)
    {
        try
        {
            var link = item.Link is { } href && Uri.TryCreate(feedUri, href, out var resolved) ? resolved : null;
            var submission = await SubmissionForAsync(source, item, link, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ArticleIngestor>().IngestAsync(submission, cancellationToken);
            await store.MarkItemSeenAsync(source.Id, item.Key, clock.GetUtcNow(), cancellationToken);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (exception is NotAnArticleException or OutboundRequestRefusedException or OutboundResponseTooLargeException or UnsupportedPageException)
            {
                await store.MarkItemSeenAsync(source.Id, item.Key, clock.GetUtcNow(), cancellationToken);
            }

            logger.LogInformation("Item {ItemKey} of source {SourceId} not ingested: {Error}", item.Key, source.Id, Describe(exception));
            return $"{item.Link ?? item.Key}: {Describe(exception)}";
        }
    }

    private async Task<Extraction.ArticleSubmission> SubmissionForAsync(FeedSource source, FeedItem item, Uri? link, CancellationToken cancellationToken)
    {
        var submission = new Extraction.ArticleSubmission { Url = link?.AbsoluteUri, Title = item.Title, Source = source.Id, PublishedAt = item.PublishedAt };
        if (item.ContentHtml is { } content && content.Length >= options.Value.MinInlineContentChars)
        {
            return submission with { Html = content };
        }

        if (link is not null)
        {
            await politeness.WaitTurnAsync(link.IdnHost, cancellationToken);
            var page = await fetcher.FetchAsync(link, options.Value.MaxPageBytes, PageAccept, cancellationToken: cancellationToken);
            return PageSubmissions.From(page, submission);
        }

        var fallback = item.ContentHtml ?? item.Summary;
        return string.IsNullOrWhiteSpace(fallback) ? throw new EmptyArticleException() : submission with { Html = fallback };
    }

    public static string Describe(Exception exception) => exception switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timed out: " + exception.Message,
        TaskCanceledException or OperationCanceledException => "timed out",
        HttpRequestException { InnerException: OutboundRequestRefusedException refused } => refused.Message,
        HttpRequestException { InnerException: { } inner } http => $"{http.Message} ({inner.Message})",
        _ => exception.Message,
    };
}
