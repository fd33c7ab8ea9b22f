using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Shifts;

/// <summary>
/// The events of an article that a relation's balance counts: both actors countries (the vocabulary's codes, not
/// organisations or CAMEO's unknown "---"), not the same one, the code known to the codebook.
/// </summary>
public sealed class RelationEvents(CameoScale scale, SubscriptionVocabulary vocabulary)
{
    private readonly HashSet<string> _countries = vocabulary.Countries.Select(c => c.Id.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    public CameoScale Scale => scale;

    public IReadOnlyList<RelationEvent> Of(ArticleClassified article, DateOnly day, DateTimeOffset now)
    {
        var storyId = string.IsNullOrWhiteSpace(article.StoryId) ? article.ArticleId : article.StoryId;
        var codes = article.EventCodes?.Select(e => (e.Cameo, e.Source, e.Target))
            ?? article.Events?.Select(e => (e.Cameo, Source: e.Source.Code, Target: e.Target.Code)) ?? [];
        var events = new List<RelationEvent>();
        foreach (var (cameo, source, target) in codes.Distinct())
        {
            var (from, to) = (source.ToUpperInvariant(), target.ToUpperInvariant());
            if (from == to || !_countries.Contains(from) || !_countries.Contains(to) || scale.Find(cameo) is not { } weight) continue;
            events.Add(new RelationEvent
            {
                Pair = RelationEvent.PairOf(from, to), StoryId = storyId, ArticleId = article.ArticleId, Source = from, Target = to,
                Cameo = cameo, Root = weight.Root, QuadClass = weight.QuadClass, Goldstein = weight.Goldstein, Day = day, RecordedAt = now,
                Title = article.Title, Url = article.Url,
            });
        }

        return events;
    }

    public bool IsCountry(string code) => _countries.Contains(code);
}
