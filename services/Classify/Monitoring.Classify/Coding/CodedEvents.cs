using Monitoring.Contracts;
using Monitoring.Classify.Places;

namespace Monitoring.Classify.Coding;

/// <summary>From the coder's sentence-level events to the stored GDELT-style documents, and back up to story level.</summary>
public static class CodedEvents
{
    /// <summary>The code came from the CAMEO verb dictionary: a pattern, or the verb's own code.</summary>
    public const string PatternBasis = "pattern";

    /// <summary>No verb pattern applied: the trigger word gave its root-level code.</summary>
    public const string TriggerBasis = "trigger";

    /// <summary>CAMEO's code for an actor with no known country: alone when the sentence names no one, with a sector for a role ("---REB").</summary>
    public const string UnknownCode = "---";

    /// <summary>An event of <paramref name="sentence"/> with its evidence: the sentence, the trigger words, the actors' spans.</summary>
    internal static CodedEvent Create(Sentence sentence, CameoCode meaning, ActorMention source, ActorMention target, int triggerFirst, int triggerEnd, string basis)
    {
        var w = sentence.Tokens;
        var (start, end) = (w[triggerFirst].Start, w[triggerEnd - 1].End);
        return new CodedEvent
        {
            Cameo = meaning.Code,
            Root = meaning.Root,
            QuadClass = meaning.QuadClass,
            Goldstein = meaning.Goldstein,
            Source = Actor(source),
            Target = Actor(target),
            Sentence = sentence.OwnText,
            SentenceStart = sentence.Start,
            SentenceEnd = sentence.End,
            Trigger = sentence.Text[start..end],
            TriggerStart = start,
            TriggerEnd = end,
            Basis = basis,
        };
    }

    internal static EventActor Actor(ActorMention mention) => new()
    {
        Text = mention.Text, Code = mention.Code, Sector = mention.Sector, Cameo = mention.Cameo, Start = mention.Start, End = mention.End,
    };

    /// <summary>One document per distinct (Actor1Code, Actor2Code, EventCode) of the article; the first mention is the evidence.</summary>
    public static List<CodedEventDocument> ToDocuments(ArticleIngested article, IReadOnlyList<CodedEvent> events, DateTimeOffset codedAt)
    {
        var firstSentence = events.Count > 0 ? events[0].SentenceStart : -1;
        return events
            .GroupBy(e => (Actor1: ActorCode(e.Source), Actor2: ActorCode(e.Target), e.Cameo))
            .Select(group =>
            {
                var first = group.First();
                return new CodedEventDocument
                {
                    EventId = $"{article.ArticleId}:{group.Key.Actor1}:{group.Key.Actor2}:{group.Key.Cameo}",
                    ArticleId = article.ArticleId,
                    StoryId = article.StoryId,
                    SourceName = article.Source,
                    SourceUrl = article.Url,
                    PublishedAt = article.PublishedAt,
                    DateAdded = codedAt,
                    Actor1Code = group.Key.Actor1,
                    Actor1Name = first.Source.Text,
                    Actor1CountryCode = first.Source.Code,
                    Actor1Type1Code = first.Source.Sector,
                    Actor2Code = group.Key.Actor2,
                    Actor2Name = first.Target.Text,
                    Actor2CountryCode = first.Target.Code,
                    Actor2Type1Code = first.Target.Sector,
                    EventCode = first.Cameo,
                    EventBaseCode = first.Cameo[..Math.Min(3, first.Cameo.Length)],
                    EventRootCode = first.Root,
                    QuadClass = first.QuadClass,
                    GoldsteinScale = first.Goldstein,
                    IsRootEvent = first.SentenceStart == firstSentence,
                    NumMentions = group.Select(e => e.SentenceStart).Distinct().Count(),
                    Sentence = first.Sentence,
                    SentenceStart = first.SentenceStart,
                    Trigger = first.Trigger,
                    TriggerStart = first.TriggerStart,
                }.WithActionGeo(first.Place);
            })
            .ToList();
    }

    /// <summary>
    /// The listed events with their counts across the whole story, as GDELT counts them: mentions in every article,
    /// distinct sources (outlets), articles.
    /// </summary>
    public static List<CodedEventDocument> WithStoryCounts(IReadOnlyList<CodedEventDocument> listed, IReadOnlyList<CodedEventDocument> storyEvents)
    {
        var counts = storyEvents
            .GroupBy(e => (e.StoryId, e.Actor1Code, e.Actor2Code, e.EventCode))
            .ToDictionary(g => g.Key, g => (
                Mentions: g.Sum(e => e.NumMentions),
                Sources: g.Select(e => e.SourceName ?? e.ArticleId).Distinct(StringComparer.Ordinal).Count(),
                Articles: g.Select(e => e.ArticleId).Distinct(StringComparer.Ordinal).Count()));
        return listed.Select(e => counts.TryGetValue((e.StoryId, e.Actor1Code, e.Actor2Code, e.EventCode), out var c)
            ? e with { NumMentions = c.Mentions, NumSources = c.Sources, NumArticles = c.Articles }
            : e).ToList();
    }

    /// <summary>GDELT's actor code: the country followed by the sector, "CHN" + "GOV"; an organisation's CAMEO code ("IGOUNO").</summary>
    public static string ActorCode(EventActor actor) => actor.Cameo ?? actor.Code + (actor.Sector ?? "");
}
