using Monitoring.Alert.Breaking;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Shifts;
using Monitoring.Alert.Signals;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Matching;

/// <summary><c>shift:CHN-RUS</c>, <c>shift:country:IRN</c> and <c>is:breaking</c>: parsed with positioned errors, matched only by the article that set the signal off.</summary>
public sealed class SignalTermsTests
{
    private static readonly TermVocabulary Vocabulary = new(SubscriptionVocabulary.LoadShipped());

    [Theory]
    [InlineData("shift:CHN-RUS", "shift:CHN-RUS")]
    [InlineData("shift:rus-chn", "shift:CHN-RUS")]
    [InlineData("shift:country:irn", "shift:country:IRN")]
    [InlineData("is:Breaking AND topic:diplomacy", "(is:breaking AND topic:diplomacy)")]
    public void Parses_pairs_in_either_order_countries_and_breaking(string query, string expected) =>
        Assert.Equal(expected, QueryParser.Parse(query, Vocabulary).ToString());

    [Theory]
    [InlineData("shift:CHN", 7, "two country codes joined by '-' such as shift:CHN-RUS, or shift:country:IRN")]
    [InlineData("topic:diplomacy shift:CHN-", 27, "two country codes joined by '-' such as shift:CHN-RUS, or shift:country:IRN")]
    [InlineData("shift:CHN-RU5", 11, "two country codes joined by '-' such as shift:CHN-RUS, or shift:country:IRN")]
    [InlineData("shift:CHN-chn", 11, "a second country, not the first again")]
    [InlineData("shift:country:Iran", 15, "an ISO 3166 alpha-3 country code after 'shift:country:', e.g. shift:country:IRN")]
    [InlineData("shift:CHN-XYZ", 11, "a known country code")]
    [InlineData("is:braking", 4, "'breaking' after 'is:' (is:breaking)")]
    public void Refuses_what_is_wrong_at_its_position(string query, int position, string expected)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query, Vocabulary));
        Assert.Equal((position, expected), (error.Position, error.Expected));
    }

    [Fact]
    public void Only_the_article_that_fired_the_shift_or_belongs_to_a_breaking_story_matches_and_the_alert_carries_what_was_asked()
    {
        var shift = new RelationShift
        {
            ShiftId = "s1", Pair = "CHN-RUS", Kind = RelationShift.Balance, OpenKey = "CHN-RUS|balance", Summary = "CHN–RUS: …", Measures = [], Events = [],
            RecentFrom = default, RecentTo = default, BaselineFrom = default, RecentEvents = 7, BaselineEvents = 100, ArticleId = "a1", StoryId = "s", OpenedAt = default,
        };
        var breaking = new BreakingStory
        {
            StoryId = "s", Topic = "diplomacy", Window = "hour", NewOutlets = 5, NormalRate = 1, BaselineWindows = 12, Outlets = 5, Summary = "…",
            DetectedAt = default, ArticleId = "a1", Curve = [],
        };
        var article = new ArticleClassified
        {
            ArticleId = "a1", StoryId = "s", Text = "Russian and Chinese forces clashed.", Language = "en", IngestedAt = default, ClassifiedAt = default,
            Topics = [new TopicScore { Id = "diplomacy", Score = 4 }], Countries = ["CHN", "RUS"],
        };
        var fired = new ArticleSignals([shift], breaking);
        var pair = QueryParser.Parse("shift:RUS-CHN");
        var iran = QueryParser.Parse("shift:country:IRN");
        var china = QueryParser.Parse("shift:country:CHN AND topic:diplomacy");
        var urgentBreaking = QueryParser.Parse("is:breaking");

        Assert.False(pair.Matches(MatchableArticle.From(article)));
        Assert.True(pair.Matches(MatchableArticle.From(article, fired.Keys)));
        Assert.True(china.Matches(MatchableArticle.From(article, fired.Keys)));
        Assert.False(iran.Matches(MatchableArticle.From(article, fired.Keys)));
        Assert.True(urgentBreaking.Matches(MatchableArticle.From(article, fired.Keys)));
        Assert.False(urgentBreaking.Matches(MatchableArticle.From(article, new ArticleSignals([shift], null).Keys)));

        Assert.Equal(("s1", null), Ids(fired.For(pair, null)));
        Assert.Equal(("s1", "s"), Ids(fired.For(china, urgentBreaking)));
        Assert.Equal(((string?)null, (string?)null), Ids(fired.For(QueryParser.Parse("topic:diplomacy"), null)));
    }

    private static (string? Shifts, string? Breaking) Ids((IReadOnlyList<RelationShift>? Shifts, BreakingStory? Breaking) attached) =>
        (attached.Shifts is null ? null : string.Join(',', attached.Shifts.Select(s => s.ShiftId)), attached.Breaking?.StoryId);
}
