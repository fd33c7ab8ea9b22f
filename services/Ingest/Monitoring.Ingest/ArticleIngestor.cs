using System.Diagnostics;
using Monitoring.Contracts;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Dedup;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Stories;
using Monitoring.ServiceDefaults.Faults;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.ServiceDefaults.Telemetry;
using Monitoring.Storage.Outbox;

namespace Monitoring.Ingest;

public sealed record IngestResult(string ArticleId, string StoryId, bool Duplicate, int OutletCount = 1);

/// <summary>
/// Extract, drop exact duplicates (same canonical URL or same text), put the article into its story, store it together
/// with its announcement, announce it: the path every source takes into the system. Stored means announced sooner or
/// later (the outbox), so a broker that is slow or gone never loses an article nor holds the caller past the publish
/// timeout; while the broker is known to be away, nothing new is taken (<see cref="BrokerUnavailableException"/>).
/// </summary>
public sealed class ArticleIngestor(
    ArticleExtractor extractor, SourceTemplates templates, IArticleStore store, StoryAssigner stories, OutboxRelay relay, BrokerAvailability broker, TimeProvider clock)
{
    public async Task<IngestResult> IngestAsync(ArticleSubmission submission, CancellationToken cancellationToken)
    {
        if (!broker.IsReachable) throw new BrokerUnavailableException();
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

        // The same canonical URL is the same article, even when its text was edited since; the same text is the same
        // article. These lookups only save fingerprinting a known page; the store's unique keys keep a concurrent copy out.
        var known = (url is null ? null : await store.FindByUrlAsync(url, cancellationToken)) ?? await store.GetAsync(articleId, cancellationToken);
        if (known is not null) return await RepeatAsync(known, activity, cancellationToken);

        var signature = MinHash.Compute(extracted.Text);
        var copyOf = await stories.FindAsync(signature, cancellationToken);
        activity?.SetTag("monitoring.story_similarity", copyOf?.Similarity);
        var now = clock.GetUtcNow();
        var candidate = new StoredArticle
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
            IngestedAt = now,
            AnnouncedAt = now,
        };

        // The article, its place in its story and its announcement (carrying the story's outlet count) in one transaction.
        OutboxMessage? announcement = null;
        var member = StoryAssigner.MemberFor(articleId, candidate.StoryId, signature, OutletOf(candidate), now);
        var (inserted, article, outlets) = await store.TryInsertWithStoryAsync(
            candidate, member, count => announcement = OutboxMessage.For(Announcement(candidate, count), now), cancellationToken);
        if (!inserted) return await RepeatAsync(article, activity, cancellationToken);
        await stories.IndexAsync(member, signature, cancellationToken);

        activity?.SetTag("monitoring.story_id", article.StoryId);
        FailPoints.Reach(FailPoints.IngestStored);
        await relay.RelayAsync(IngestOutbox.Name, announcement, cancellationToken);
        IngestMetrics.Published.Add(1);
        if (article.StoryId != article.ArticleId) IngestMetrics.StoryCopies.Add(1);
        return new IngestResult(article.ArticleId, article.StoryId, Duplicate: false, outlets);
    }

    /// <summary>An article stored before: nothing new, unless an older version stored it and died before announcing it.</summary>
    private async Task<IngestResult> RepeatAsync(StoredArticle article, Activity? activity, CancellationToken cancellationToken)
    {
        activity?.SetTag("monitoring.story_id", article.StoryId);
        if (article.AnnouncedAt is null)
        {
            var story = await stories.AddAsync(article.ArticleId, article.StoryId, MinHash.Compute(article.Text), OutletOf(article), article.IngestedAt, cancellationToken);
            var announcement = OutboxMessage.For(Announcement(article, story.OutletCount), clock.GetUtcNow());
            if (await store.QueueAnnouncementAsync(article.ArticleId, clock.GetUtcNow(), announcement, cancellationToken))
            {
                await relay.RelayAsync(IngestOutbox.Name, announcement, cancellationToken);
                IngestMetrics.Published.Add(1);
                return new IngestResult(article.ArticleId, article.StoryId, Duplicate: true, story.OutletCount);
            }
        }

        activity?.AddEvent(new ActivityEvent("duplicate"));
        IngestMetrics.Duplicates.Add(1);
        var outlets = (await stories.GetAsync(article.StoryId, cancellationToken))?.OutletCount ?? 1;
        return new IngestResult(article.ArticleId, article.StoryId, Duplicate: true, outlets);
    }

    public static ArticleIngested Announcement(StoredArticle article, int outletCount) => new()
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
    };

    /// <summary>Who carried the article: the submitting source, else the URL's host.</summary>
    private static string OutletOf(StoredArticle article) =>
        article.Source is { Length: > 0 } source ? source
        : article.Url is not null && Uri.TryCreate(article.Url, UriKind.Absolute, out var uri) ? uri.Host
        : "unknown";
}
