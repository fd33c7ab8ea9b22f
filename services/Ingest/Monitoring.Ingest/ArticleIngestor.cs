using System.Diagnostics;
using MassTransit;
using Monitoring.Contracts;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Dedup;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Stories;
using Monitoring.ServiceDefaults.Telemetry;

namespace Monitoring.Ingest;

public sealed record IngestResult(string ArticleId, string StoryId, bool Duplicate, int OutletCount = 1);

/// <summary>
/// Extract, drop exact duplicates (same canonical URL or same text), put the article into its story, store once,
/// announce once: the path every source takes into the system.
/// </summary>
public sealed class ArticleIngestor(ArticleExtractor extractor, SourceTemplates templates, IArticleStore store, StoryAssigner stories, IPublishEndpoint publisher, TimeProvider clock)
{
    public async Task<IngestResult> IngestAsync(ArticleSubmission submission, CancellationToken cancellationToken)
    {
        using var activity = MonitoringTelemetry.Source.StartActivity("ingest article");
        // Binary or encoded junk and pages without readable text are refused here, before anything is stored or published.
        if (ReadableText.RefuseContent(submission.Html ?? submission.Text, isHtml: submission.Html is not null) is { } junk) throw junk;
        await templates.RestoreAsync(submission, cancellationToken);
        var extracted = extractor.Extract(submission);
        await templates.SaveLearntAsync(cancellationToken);
        if (ReadableText.RefuseExtracted(extracted.Text, fromHtml: submission.Html is not null) is { } unreadable) throw unreadable;

        var url = CanonicalUrl.Normalize(extracted.CanonicalUrl);
        var contentHash = ContentFingerprint.Compute(extracted.Text);
        var articleId = ContentFingerprint.ArticleIdFor(contentHash);
        activity?.SetTag("monitoring.article_id", articleId);

        bool inserted;
        StoredArticle article;
        uint[]? signature = null;
        if (url is not null && await store.FindByUrlAsync(url, cancellationToken) is { } sameUrl)
        {
            // The same canonical URL is the same article, even when its text was edited since. This lookup only saves
            // fingerprinting a known page; the store's unique URL key is what keeps a concurrent second copy out.
            (inserted, article) = (false, sameUrl);
        }
        else
        {
            signature = MinHash.Compute(extracted.Text);
            var copyOf = await stories.FindAsync(signature, cancellationToken);
            activity?.SetTag("monitoring.story_similarity", copyOf?.Similarity);
            (inserted, article) = await store.TryInsertAsync(new StoredArticle
            {
                ArticleId = articleId,
                StoryId = copyOf?.StoryId ?? articleId,
                ContentHash = contentHash,
                Text = extracted.Text,
                Title = extracted.Title,
                Byline = extracted.Byline,
                Url = url,
                Source = submission.Source,
                Language = extracted.Language,
                PublishedAt = extracted.PublishedAt,
                IngestedAt = clock.GetUtcNow(),
            }, cancellationToken);
        }

        activity?.SetTag("monitoring.story_id", article.StoryId);
        if (inserted) IngestMetrics.Unannounced.Add(1);
        var story = article.AnnouncedAt is null
            // New, or stored but never announced (the process died between the steps): join the story now; idempotent.
            ? await stories.AddAsync(article.ArticleId, article.StoryId, signature ?? MinHash.Compute(article.Text), OutletOf(article), article.IngestedAt, cancellationToken)
            : await stories.GetAsync(article.StoryId, cancellationToken);
        var outletCount = story?.OutletCount ?? 1;

        if (article.AnnouncedAt is null)
        {
            await publisher.Publish(new ArticleIngested
            {
                ArticleId = article.ArticleId,
                StoryId = article.StoryId,
                OutletCount = outletCount,
                ContentHash = article.ContentHash,
                Text = article.Text,
                Title = article.Title,
                Byline = article.Byline,
                Url = article.Url,
                Source = article.Source,
                Language = article.Language,
                PublishedAt = article.PublishedAt,
                IngestedAt = article.IngestedAt,
            }, cancellationToken);
            await store.MarkAnnouncedAsync(article.ArticleId, clock.GetUtcNow(), cancellationToken);
            if (inserted) IngestMetrics.Unannounced.Add(-1);
            IngestMetrics.Published.Add(1);
            if (article.StoryId != article.ArticleId) IngestMetrics.StoryCopies.Add(1);
        }
        else
        {
            activity?.AddEvent(new ActivityEvent("duplicate"));
            IngestMetrics.Duplicates.Add(1);
        }

        return new IngestResult(article.ArticleId, article.StoryId, Duplicate: !inserted, outletCount);
    }

    /// <summary>Who carried the article: the submitting source, else the URL's host.</summary>
    private static string OutletOf(StoredArticle article) =>
        article.Source is { Length: > 0 } source ? source
        : article.Url is not null && Uri.TryCreate(article.Url, UriKind.Absolute, out var uri) ? uri.Host
        : "unknown";
}
