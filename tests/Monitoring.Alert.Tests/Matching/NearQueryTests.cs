using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Matching.Places;
using Monitoring.Alert.Subscriptions;
using Monitoring.Contracts;

namespace Monitoring.Alert.Tests.Matching;

/// <summary><c>near:"Kharkiv" within:100km</c>: resolved with the shipped gazetteer, matched by distance, found through the index's cells.</summary>
public sealed class NearQueryTests
{
    [Theory]
    [InlineData("near:\"Kharkiv\" within:100km", "Kharkiv", 100)]
    [InlineData("near:kharkov", "Kharkiv", 50)]
    [InlineData("near:706483 within:25", "Kharkiv", 25)]
    [InlineData("near:49.98,36.25 within:10km", "49.98,36.25", 10)]
    public void A_place_is_named_by_name_exonym_geonames_id_or_position(string query, string name, double radius)
    {
        var near = Assert.IsType<NearNode>(QueryParser.Parse(query));
        Assert.Equal((name, radius), (near.Centre.Name, near.RadiusKm));
        Assert.Equal(49.98, near.Centre.Latitude, 1);
    }

    [Fact]
    public void A_name_several_places_share_is_the_most_populous()
    {
        Assert.InRange(PlaceDirectory.Default.Find("Paris")!.Latitude, 48.8, 48.9);
        Assert.InRange(PlaceDirectory.Default.Find("4717560")!.Latitude, 33.6, 33.7);
    }

    [Fact]
    public void Articles_match_by_the_distance_of_their_places_and_their_events_places()
    {
        var query = QueryParser.Parse("near:\"Kharkiv\" within:100km AND quad:4");
        Assert.True(query.Matches(Article(places: [(50.0, 36.3)], events: [Placed("190", 49.5, 36.0)])));
        Assert.True(query.Matches(Article(places: [], events: [Placed("190", 49.3, 36.9)])));
        Assert.False(query.Matches(Article(places: [(50.45, 30.52)], events: [Placed("190", 50.45, 30.52)])), "Kyiv is 410 km away");
        Assert.False(query.Matches(Article(places: [(50.0, 36.3)], events: [Placed("040", 50.0, 36.3)])), "not material conflict");
    }

    [Fact]
    public void The_index_finds_a_near_subscription_by_its_cells_only()
    {
        var subscription = CompiledSubscription.Compile(new Subscription
        {
            SubscriptionId = "kharkiv", AnalystId = "a", Name = "Kharkiv", Query = "near:Kharkiv within:100km", Topics = [], Countries = [], Keywords = [], CreatedAt = DateTimeOffset.UnixEpoch,
        });
        var index = new SubscriptionIndex([subscription]);
        Assert.Single(index.Match(Article(places: [(49.5, 36.6)], events: [])));
        Assert.Equal(0, index.CandidateCount(Article(places: [(48.85, 2.35)], events: [])));
        Assert.Empty(index.Match(Article(places: [], events: [])));
    }

    private static MatchableArticle Article(IReadOnlyList<(double, double)> places, IReadOnlyList<CodedEvent> events) =>
        MatchableArticle.From(new ArticleClassified
        {
            ArticleId = "x", StoryId = "x", Text = "Shelling overnight.", Language = "en", IngestedAt = DateTimeOffset.UnixEpoch, ClassifiedAt = DateTimeOffset.UnixEpoch,
            Topics = [], Countries = ["UKR"], Events = events,
            Places = places.Select(p => new GeoPlace { Name = "p", GeoNameId = 1, Kind = "city", CountryCode = "UKR", Latitude = p.Item1, Longitude = p.Item2 }).ToList(),
        });

    private static CodedEvent Placed(string cameo, double latitude, double longitude)
    {
        var nobody = new EventActor { Text = "", Code = "---", Start = 0, End = 0 };
        return new CodedEvent
        {
            Cameo = cameo, Root = cameo[..2], QuadClass = cameo.StartsWith("19", StringComparison.Ordinal) ? 4 : 1, Goldstein = 0, Source = nobody, Target = nobody,
            Sentence = "Shelling overnight.", SentenceStart = 0, SentenceEnd = 19, Trigger = "Shelling", TriggerStart = 0, TriggerEnd = 8,
            Place = new GeoPlace { Name = "p", GeoNameId = 1, Kind = "city", CountryCode = "UKR", Latitude = latitude, Longitude = longitude },
        };
    }
}
