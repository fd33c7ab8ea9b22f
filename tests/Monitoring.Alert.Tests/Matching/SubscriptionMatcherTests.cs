using Monitoring.Alert.Matching;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Matching;

/// <summary>The first API's shorthand fields still match as they did: any topic AND any country AND any keyword.</summary>
public sealed class SubscriptionMatcherTests
{
    private static readonly MatchableArticle Article = MatchableArticle.From(new ArticleClassified
    {
        ArticleId = "a1",
        StoryId = "a1",
        Title = "China and Russia deepen security cooperation",
        Text = "The ministers discussed cybersecurity and the fight against transnational crime.",
        Language = "en",
        IngestedAt = DateTimeOffset.UnixEpoch,
        ClassifiedAt = DateTimeOffset.UnixEpoch,
        Topics = [new TopicScore { Id = "security-cooperation", Score = 9 }, new TopicScore { Id = "diplomacy", Score = 4 }],
        Countries = ["CHN", "RUS"],
    });

    private static CompiledSubscription Subscription(string[]? topics = null, string[]? countries = null, string[]? keywords = null, double? minScore = null) =>
        CompiledSubscription.Compile(new Subscription
        {
            SubscriptionId = "s1",
            AnalystId = "x",
            Name = "n",
            Topics = topics ?? [],
            Countries = countries ?? [],
            Keywords = keywords ?? [],
            MinScore = minScore,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });

    [Theory]
    [InlineData(new[] { "security-cooperation" }, null, null)]
    [InlineData(new[] { "terrorism", "diplomacy" }, null, null)]
    [InlineData(null, new[] { "RUS" }, null)]
    [InlineData(new[] { "diplomacy" }, new[] { "USA", "CHN" }, null)]
    [InlineData(null, null, new[] { "transnational crime" })]
    [InlineData(null, null, new[] { "CYBERSECURITY" })]
    public void Matches_when_every_given_criterion_has_one_hit(string[]? topics, string[]? countries, string[]? keywords) =>
        Assert.True(Subscription(topics, countries, keywords).Matches(Article));

    [Theory]
    [InlineData(new[] { "terrorism" }, null, null)]
    [InlineData(new[] { "diplomacy" }, new[] { "USA" }, null)]
    [InlineData(null, new[] { "CHN" }, new[] { "sanctions" })]
    [InlineData(null, null, new[] { "cyber" })]
    public void Does_not_match_when_any_given_criterion_misses(string[]? topics, string[]? countries, string[]? keywords) =>
        Assert.False(Subscription(topics, countries, keywords).Matches(Article));

    [Fact]
    public void A_subscription_minimum_score_applies_to_its_topics()
    {
        Assert.True(Subscription(["security-cooperation"], minScore: 9).Matches(Article));
        Assert.False(Subscription(["diplomacy"], minScore: 5).Matches(Article));
    }
}
