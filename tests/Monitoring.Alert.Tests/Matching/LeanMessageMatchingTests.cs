using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Matching;

/// <summary>
/// ArticleClassified from classify today carries actors and event codes only (lean); older publishers sent the full
/// entities and coded events. Matching must give the same answer for both shapes of the same article.
/// </summary>
public sealed class LeanMessageMatchingTests
{
    private static ArticleClassified Base => new()
    {
        ArticleId = "a1",
        StoryId = "a1",
        Text = "The defence minister met NATO officials in Brussels.",
        Language = "en",
        IngestedAt = DateTimeOffset.UnixEpoch,
        ClassifiedAt = DateTimeOffset.UnixEpoch,
        Topics = [new TopicScore { Id = "diplomacy", Score = 5 }],
        Countries = ["BEL"],
    };

    private static readonly ArticleClassified Lean = Base with
    {
        Actors =
        [
            new ArticleActor { Type = "person", Name = "Anna Example", Code = "BEL", Id = "person:anna-example" },
            new ArticleActor { Type = "organisation", Name = "North Atlantic Treaty Organization", Code = "NATO", Id = "org:nato" },
        ],
        EventCodes = [new ArticleEventCode { Cameo = "042", Source = "BEL", Target = "NATO" }],
    };

    private static readonly ArticleClassified Full = Base with
    {
        Entities =
        [
            Entity("person", "Anna Example", "BEL", "person:anna-example"),
            Entity("organisation", "North Atlantic Treaty Organization", "NATO", "org:nato"),
            Entity("country", "Belgium", "BEL", "country:BEL"),
        ],
        Events =
        [
            new CodedEvent
            {
                Cameo = "042", Root = "04", QuadClass = 1, Goldstein = 1.9,
                Source = new EventActor { Text = "defence minister", Code = "BEL", Start = 4, End = 20 },
                Target = new EventActor { Text = "NATO", Code = "NATO", Start = 25, End = 29 },
                Sentence = Base.Text, SentenceStart = 0, SentenceEnd = Base.Text.Length, Trigger = "met", TriggerStart = 21, TriggerEnd = 24,
            },
        ],
    };

    [Theory]
    [InlineData("actor:\"anna example\"", true)]
    [InlineData("actor:person:anna-example", true)]
    [InlineData("actor:nato", true)]
    [InlineData("actor:belgium", false)]
    [InlineData("event:04", true)]
    [InlineData("event:042", true)]
    [InlineData("event:14", false)]
    [InlineData("quad:verbal-cooperation", true)]
    public void Lean_and_full_messages_match_alike(string query, bool expected)
    {
        var parsed = QueryParser.Parse(query);
        Assert.Equal(expected, parsed.Matches(MatchableArticle.From(Lean)));
        Assert.Equal(expected, parsed.Matches(MatchableArticle.From(Full)));
    }

    private static ArticleEntity Entity(string type, string name, string code, string id) =>
        new() { Type = type, Name = name, Code = code, Id = id, Mentions = [new MatchEvidence { Rule = id, Text = name, Start = 0, End = name.Length }] };
}
