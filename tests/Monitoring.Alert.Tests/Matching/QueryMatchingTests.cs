using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Matching;

/// <summary>Expressions against one article whose facts are known, each outcome checked by hand.</summary>
public sealed class QueryMatchingTests
{
    // Topics diplomacy (4) and security-cooperation (9); CHN and RUS; Shoigu and the Chinese ministry as actors;
    // a CAMEO 042 (make a visit: verbal cooperation) and 061 (cooperate economically: material cooperation).
    private static readonly MatchableArticle Article = new(
        "China and Russia deepen law enforcement cooperation",
        "Sergei Shoigu met the Chinese minister of public security in Moscow to discuss transnational crime and cybersecurity.",
        [new TopicScore { Id = "security-cooperation", Score = 9 }, new TopicScore { Id = "diplomacy", Score = 4 }],
        ["CHN", "RUS"],
        "CGTN",
        "en",
        [new MatchableActor("Sergei Shoigu", "RUSGOV"), new MatchableActor("Ministry of Public Security", "CHNGOV")],
        ["042", "061"]);

    [Theory]
    [InlineData("topic:diplomacy AND country:RUS", true)]
    [InlineData("topic:diplomacy AND NOT country:RUS", false)]
    [InlineData("NOT (country:CHN OR country:RUS)", false)]
    [InlineData("NOT country:USA", true)]
    [InlineData("(topic:sports OR topic:diplomacy) AND (country:USA OR (country:CHN AND NOT \"world cup\"))", true)]
    [InlineData("(topic:sports OR topic:diplomacy) AND (country:USA OR (country:CHN AND NOT \"transnational crime\"))", false)]
    [InlineData("NOT (NOT topic:diplomacy OR NOT (country:RUS AND NOT country:USA))", true)]
    [InlineData("\"law enforcement\" cooperation", true)]
    [InlineData("\"enforcement law\"", false)]
    [InlineData("\"cooperation sergei\"", false)]
    [InlineData("cyber", false)]
    [InlineData("CYBERSECURITY", true)]
    [InlineData("topic:security-cooperation>=9", true)]
    [InlineData("topic:security-cooperation>=9.5", false)]
    [InlineData("topic:diplomacy>=5 OR topic:security-cooperation>=5", true)]
    [InlineData("event:04", true)]
    [InlineData("event:042", true)]
    [InlineData("event:0421", false)]
    [InlineData("event:14", false)]
    [InlineData("quad:verbal-cooperation AND quad:material-cooperation", true)]
    [InlineData("quad:material-conflict OR quad:verbal-conflict", false)]
    [InlineData("actor:\"sergei shoigu\"", true)]
    [InlineData("actor:chngov", true)]
    [InlineData("actor:putin", false)]
    [InlineData("source:cgtn AND lang:en", true)]
    [InlineData("lang:ru OR source:tass", false)]
    [InlineData("\"and\"", true)]
    public void Evaluates_as_checked_by_hand(string query, bool expected) =>
        Assert.Equal(expected, QueryParser.Parse(query).Matches(Article));

    [Fact]
    public void A_phrase_does_not_run_from_the_title_into_the_text() =>
        Assert.False(QueryParser.Parse("\"cooperation sergei shoigu\"").Matches(Article));
}
