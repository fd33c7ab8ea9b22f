using Monitoring.Classify.Actors;
using Microsoft.Extensions.Options;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Places;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Faults;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Messaging.Outbox;
using Monitoring.Storage.Outbox;

namespace Monitoring.Classify.Articles;

/// <summary>Classifies and codes an ingested article, stores it, its coded events and its announcement once, and announces it.</summary>
public sealed class ClassifiedArticleRecorder(
    ArticleClassifier classifier, EventCoder coder, IOptions<EventCodingOptions> coding, IClassifiedArticleStore store, OutboxRelay relay, TimeProvider clock,
    PlaceRecognizer places)
{
    public async Task RecordAsync(ArticleIngested article, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(article.ArticleId)) throw new InvalidMessageException("ArticleIngested without an ArticleId.");
        if (string.IsNullOrWhiteSpace(article.Text)) throw new InvalidMessageException($"ArticleIngested {article.ArticleId} has no text.");

        var classification = classifier.Classify(article.Title, article.Text);

        // The article's place names first: the coder reads its towns and regions as place actors, and each event gets its place.
        var placeNames = places.Recognize(classification, article.Language);

        // The coder reuses the classifier's tokens and actors; its offsets point into the body, ArticleClassified.Text.
        var coded = coding.Value.Enabled ? coder.Code(classification, article.Language, placeNames) : [];
        var events = places.Locate(coded, placeNames, classification);
        var document = new ClassifiedArticle
        {
            ArticleId = article.ArticleId,
            StoryId = article.StoryId,
            Title = article.Title,
            Url = article.Url,
            Source = article.Source,
            Language = article.Language,
            PublishedAt = article.PublishedAt,
            IngestedAt = article.IngestedAt,
            ClassifiedAt = clock.GetUtcNow(),
            Topics = classification.Topics,
            Countries = classification.Countries,
            Entities = ArticleEntities.From(classification.Actors),
        };

        // The article, its coded events and its announcement are stored together, so a crash anywhere after this line
        // loses nothing: the redelivered ArticleIngested finds the article stored and the outbox still holds the announcement.
        var announcement = OutboxMessage.For(Announcement(document, article.Text, events, PlaceRecognizer.ArticlePlaces(placeNames)), document.ClassifiedAt);
        var (inserted, _) = await store.TryInsertAsync(document, CodedEvents.ToDocuments(article, events, document.ClassifiedAt), announcement, cancellationToken);
        if (!inserted) return;
        FailPoints.Reach(FailPoints.ClassifyStored);
        await relay.RelayAsync(ClassifyOutbox.Name, announcement, cancellationToken);
    }

    /// <summary>
    /// The lean announcement: what matching needs, not the bulk of the evidence (entity mentions, event sentences), which is
    /// stored with the article and its coded events and referenced by <see cref="ArticleClassified.EvidencePath"/>.
    /// </summary>
    public static ArticleClassified Announcement(ClassifiedArticle stored, string text, IReadOnlyList<CodedEvent> events, IReadOnlyList<GeoPlace>? places = null) => new()
    {
        ArticleId = stored.ArticleId,
        StoryId = stored.StoryId,
        Text = text,
        Title = stored.Title,
        Url = stored.Url,
        Source = stored.Source,
        Language = stored.Language,
        PublishedAt = stored.PublishedAt,
        IngestedAt = stored.IngestedAt,
        ClassifiedAt = stored.ClassifiedAt,
        // Topic evidence stays: the alert service's preview shows it for the topics a query names, and it is small.
        Topics = stored.Topics,
        Countries = stored.Countries,
        Actors = (stored.Entities ?? [])
            .Where(entity => entity.Type is "person" or "organisation")
            .Select(entity => new ArticleActor { Type = entity.Type, Name = entity.Name, Code = entity.Code, Id = entity.Id })
            .ToList(),
        EventCodes = events
            .Select(e => new ArticleEventCode { Cameo = e.Cameo, Source = e.Source.Code, Target = e.Target.Code, Place = e.Place })
            .Distinct()
            .ToList(),
        EvidencePath = $"{Http.ClassifiedArticleEndpoints.Route}/{Uri.EscapeDataString(stored.ArticleId)}",
        Places = places,
    };
}
