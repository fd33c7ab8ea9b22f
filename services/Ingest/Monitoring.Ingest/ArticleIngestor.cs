using System.Diagnostics;
using MassTransit;
using Monitoring.Contracts;
using Monitoring.Ingest.Dedup;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Storage;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Ingest;

public sealed record IngestResult(string ArticleId, string StoryId, bool Duplicate);

/// <summary>The article has no main text left once boilerplate is removed.</summary>
public sealed class EmptyArticleException() : Exception("The article has no main text after extraction.");

/// <summary>Extract, store once by content hash, announce once: the path every source takes into the system.</summary>
public sealed class ArticleIngestor(ArticleExtractor extractor, IArticleStore store, IPublishEndpoint publisher, TimeProvider clock)
{
    public async Task<IngestResult> IngestAsync(ArticleSubmission submission, CancellationToken cancellationToken)
    {
        using var activity = MonitoringTelemetry.Source.StartActivity("ingest article");
        var extracted = extractor.Extract(submission);
        if (string.IsNullOrWhiteSpace(extracted.Text)) throw new EmptyArticleException();

        var contentHash = ContentFingerprint.Compute(extracted.Text);
        var articleId = ContentFingerprint.ArticleIdFor(contentHash);
        activity?.SetTag("monitoring.article_id", articleId);

        var (inserted, article) = await store.TryInsertAsync(new StoredArticle
        {
            ArticleId = articleId,
            StoryId = articleId,
            ContentHash = contentHash,
            Text = extracted.Text,
            Title = extracted.Title,
            Url = extracted.CanonicalUrl,
            Source = submission.Source,
            Language = extracted.Language,
            PublishedAt = extracted.PublishedAt,
            IngestedAt = clock.GetUtcNow(),
        }, cancellationToken);

        // A stored but never announced article (the process died between the two steps) is announced now.
        if (article.AnnouncedAt is null)
        {
            await publisher.Publish(new ArticleIngested
            {
                ArticleId = article.ArticleId,
                StoryId = article.StoryId,
                ContentHash = article.ContentHash,
                Text = article.Text,
                Title = article.Title,
                Url = article.Url,
                Source = article.Source,
                Language = article.Language,
                PublishedAt = article.PublishedAt,
                IngestedAt = article.IngestedAt,
            }, cancellationToken);
            await store.MarkAnnouncedAsync(article.ArticleId, clock.GetUtcNow(), cancellationToken);
            IngestMetrics.Published.Add(1);
        }
        else
        {
            activity?.AddEvent(new ActivityEvent("duplicate"));
            IngestMetrics.Duplicates.Add(1);
        }

        return new IngestResult(article.ArticleId, article.StoryId, Duplicate: !inserted);
    }
}
