using MassTransit;
using Monitoring.Classify.Actors;
using Microsoft.Extensions.Options;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Places;
using Monitoring.Contracts;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Classify.Articles;

/// <summary>Classifies and codes an ingested article, stores it and its coded events once, and announces it.</summary>
public sealed class ClassifiedArticleRecorder(
    ArticleClassifier classifier, EventCoder coder, IOptions<EventCodingOptions> coding, IClassifiedArticleStore store, ICodedEventStore codedEvents,
    IPublishEndpoint publisher, TimeProvider clock, PlaceRecognizer places)
{
    public async Task RecordAsync(ArticleIngested article, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(article.ArticleId)) throw new InvalidMessageException("ArticleIngested without an ArticleId.");
        if (string.IsNullOrWhiteSpace(article.Text)) throw new InvalidMessageException($"ArticleIngested {article.ArticleId} has no text.");

        var classification = classifier.Classify(article.Title, article.Text);

        // The coder reuses the classifier's tokens and actors; its offsets point into the body, ArticleClassified.Text.
        var coded = coding.Value.Enabled ? coder.Code(classification) : [];

        // Places come after coding, as a stage of their own: the article's place names, and each event's place.
        var placeNames = places.Recognize(classification, article.Language);
        var events = places.Locate(coded, placeNames, classification);
        var (_, stored) = await store.TryInsertAsync(new ClassifiedArticle
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
        }, cancellationToken);
        await codedEvents.InsertAsync(CodedEvents.ToDocuments(article, events, stored.ClassifiedAt), cancellationToken);

        // Published from the stored document whether or not this delivery inserted it: a redelivery after a
        // crash between store and publish still announces the article, and alert de-duplicates by key.
        await publisher.Publish(new ArticleClassified
        {
            ArticleId = stored.ArticleId,
            StoryId = stored.StoryId,
            Text = article.Text,
            Title = stored.Title,
            Url = stored.Url,
            Source = stored.Source,
            Language = stored.Language,
            PublishedAt = stored.PublishedAt,
            IngestedAt = stored.IngestedAt,
            ClassifiedAt = stored.ClassifiedAt,
            Topics = stored.Topics,
            Countries = stored.Countries,
            Entities = stored.Entities,
            Events = events,
            Places = PlaceRecognizer.ArticlePlaces(placeNames),
        }, cancellationToken);
    }
}
