using Monitoring.Classify.Coding;
using Monitoring.Classify.Storage;

namespace Monitoring.Classify.Tests.Storage;

/// <summary>What every <see cref="ICodedEventStore"/> must do, whichever database is underneath.</summary>
public abstract class CodedEventStoreContract
{
    protected abstract Task<ICodedEventStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static CodedEventDocument Event(string article, string story, int minute, string actor1, string actor2, string code, int mentions = 1, string? source = "outlet") => new()
    {
        EventId = $"{article}:{actor1}:{actor2}:{code}",
        ArticleId = article,
        StoryId = story,
        SourceName = source,
        SourceUrl = "https://news.example/" + article,
        PublishedAt = Times.At(minute - 5),
        DateAdded = Times.At(minute),
        Actor1Code = actor1,
        Actor1Name = actor1 + " name",
        Actor1CountryCode = actor1[..3],
        Actor1Type1Code = actor1.Length > 3 ? actor1[3..] : null,
        Actor2Code = actor2,
        Actor2Name = actor2 + " name",
        Actor2CountryCode = actor2[..3],
        Actor2Type1Code = actor2.Length > 3 ? actor2[3..] : null,
        EventCode = code,
        EventBaseCode = code[..3],
        EventRootCode = code[..2],
        QuadClass = code[..2] switch { "04" or "03" => 1, "06" => 2, "11" => 3, _ => 4 },
        GoldsteinScale = 1.5,
        IsRootEvent = true,
        NumMentions = mentions,
        Sentence = "A sentence.",
        SentenceStart = 10,
        Trigger = "met",
        TriggerStart = 12,
    };

    [Fact]
    public async Task Events_read_back_unchanged_and_a_redelivered_article_stores_nothing_twice()
    {
        var store = await CreateStoreAsync();
        var first = Event("a1", "s1", 5, "CHNGOV", "RUS", "040", mentions: 2);

        await store.InsertAsync([first, Event("a1", "s1", 5, "RUS", "CHN", "0313")], Ct);
        await store.InsertAsync([first with { NumMentions = 9 }, Event("a1", "s1", 5, "RUS", "CHN", "0313"), Event("a1", "s1", 5, "CHN", "USA", "111")], Ct);

        var listed = (await store.ListAsync(new CodedEventQuery(), Ct)).Items;
        Assert.Equal(3, listed.Count);
        Json.AssertEquivalent(first, listed.Single(e => e.EventId == first.EventId));
    }

    [Fact]
    public async Task Listing_filters_by_root_code_country_pair_and_quad_class_newest_first()
    {
        var store = await CreateStoreAsync();
        await store.InsertAsync([Event("old", "s1", 1, "CHN", "RUS", "040"), Event("old", "s1", 1, "RUS", "USA", "111")], Ct);
        await store.InsertAsync([Event("new", "s2", 3, "RUSMIL", "UKR", "190"), Event("new", "s2", 3, "CHN", "RUS", "0313")], Ct);

        Assert.Equal(4, ((await store.ListAsync(new CodedEventQuery(), Ct)).Items).Count);
        Assert.Equal(["old:CHN:RUS:040"], Ids((await store.ListAsync(new CodedEventQuery(Root: "04"), Ct)).Items));
        Assert.Equal(["new:CHN:RUS:0313"], Ids((await store.ListAsync(new CodedEventQuery(EventCode: "031"), Ct)).Items));
        Assert.Equal(["new:RUSMIL:UKR:190"], Ids((await store.ListAsync(new CodedEventQuery(Country: "UKR"), Ct)).Items));
        Assert.Equal(["new:CHN:RUS:0313", "old:CHN:RUS:040"], Ids((await store.ListAsync(new CodedEventQuery(Pair: ("RUS", "CHN")), Ct)).Items));
        Assert.Equal(["new:RUSMIL:UKR:190"], Ids((await store.ListAsync(new CodedEventQuery(QuadClass: 4), Ct)).Items));
        Assert.Equal(2, ((await store.ListAsync(new CodedEventQuery(Since: Times.At(2)), Ct)).Items).Count);
        Assert.Single((await store.ListAsync(new CodedEventQuery(Country: "RUS", Limit: 1), Ct)).Items);
    }

    [Fact]
    public async Task Until_bounds_exclusively_and_a_story_selects_its_own_events()
    {
        var store = await CreateStoreAsync();
        await store.InsertAsync([Event("old", "s1", 1, "CHN", "RUS", "040"), Event("new", "s2", 3, "CHN", "RUS", "0313")], Ct);

        Assert.Equal(["old:CHN:RUS:040"], Ids((await store.ListAsync(new CodedEventQuery(Until: Times.At(3)), Ct)).Items));
        Assert.Equal(["new:CHN:RUS:0313"], Ids((await store.ListAsync(new CodedEventQuery(Since: Times.At(2), Until: Times.At(4)), Ct)).Items));
        Assert.Equal(["new:CHN:RUS:0313"], Ids((await store.ListAsync(new CodedEventQuery(StoryId: "s2"), Ct)).Items));
    }

    [Fact]
    public async Task Events_are_counted_per_utc_day_and_quad_class_with_their_mean_goldstein_value()
    {
        var store = await CreateStoreAsync();
        var day1 = Times.At(0).UtcDateTime.Date;
        CodedEventDocument At(string article, DateTime when, string code, double goldstein, string a = "CHN", string b = "RUS") =>
            Event(article, article, 0, a, b, code) with { DateAdded = new DateTimeOffset(when, TimeSpan.Zero), GoldsteinScale = goldstein };
        await store.InsertAsync(
        [
            At("a1", day1.AddHours(1), "040", 1.0), At("a2", day1.AddHours(23), "036", 4.0), At("a3", day1.AddHours(2), "190", -10.0),
            At("a4", day1.AddDays(1).AddHours(1), "040", 1.0), At("a5", day1.AddHours(3), "040", 1.0, "USA", "IRN"),
        ], Ct);

        var days = await store.CountByDayAsync(new CodedEventQuery(Pair: ("RUS", "CHN")), Ct);

        var first = DateOnly.FromDateTime(day1);
        Assert.Equal(
            [new DailyEventCount(first, 1, 2, 2.5), new DailyEventCount(first, 4, 1, -10.0), new DailyEventCount(first.AddDays(1), 1, 1, 1.0)],
            days);
        Assert.Equal([new DailyEventCount(first.AddDays(1), 1, 1, 1.0)],
            await store.CountByDayAsync(new CodedEventQuery(Pair: ("CHN", "RUS"), Since: new DateTimeOffset(day1.AddDays(1), TimeSpan.Zero)), Ct));
        Assert.Single(await store.CountByDayAsync(new CodedEventQuery(Country: "IRN"), Ct));
    }

    [Fact]
    public async Task A_story_counts_its_mentions_sources_and_articles_across_outlets()
    {
        var store = await CreateStoreAsync();
        await store.InsertAsync([Event("a1", "story", 1, "CHN", "RUS", "040", mentions: 2, source: "cgtn")], Ct);
        await store.InsertAsync([Event("a2", "story", 2, "CHN", "RUS", "040", mentions: 1, source: "tass")], Ct);
        await store.InsertAsync([Event("a3", "story", 3, "CHN", "RUS", "040", mentions: 1, source: "tass")], Ct);
        await store.InsertAsync([Event("b1", "other", 4, "CHN", "RUS", "040", mentions: 5)], Ct);

        var listed = (await store.ListAsync(new CodedEventQuery(Limit: 1, Since: Times.At(3), Root: "04", Pair: ("CHN", "RUS")), Ct)).Items;
        var story = await store.ListByStoriesAsync(["story"], Ct);
        var counted = CodedEvents.WithStoryCounts((await store.ListAsync(new CodedEventQuery(Country: "CHN"), Ct)).Items, story);

        Assert.Equal(["b1:CHN:RUS:040"], Ids(listed));
        Assert.Equal(3, story.Count);
        var latest = counted.Single(e => e.ArticleId == "a3");
        Assert.Equal((4, 2, 3), (latest.NumMentions, latest.NumSources, latest.NumArticles));
        Assert.Equal((5, 1, 1), (counted.Single(e => e.ArticleId == "b1").NumMentions, 1, 1));
    }

    [Fact]
    public async Task Pages_of_a_filtered_list_follow_each_other_newest_first_ties_by_event_id()
    {
        var store = await CreateStoreAsync();
        await store.InsertAsync([Event("a", "s1", 1, "CHN", "RUS", "040"), Event("a", "s1", 1, "CHN", "RUS", "036")], Ct);
        await store.InsertAsync([Event("b", "s2", 2, "CHN", "RUS", "040"), Event("b", "s2", 2, "RUS", "CHN", "040"), Event("b", "s2", 2, "USA", "UKR", "040")], Ct);

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await store.ListAsync(new CodedEventQuery(Country: "CHN", Limit: 2, After: after), Ct);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(Ids(page.Items));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(["b:CHN:RUS:040", "b:RUS:CHN:040", "a:CHN:RUS:036", "a:CHN:RUS:040"], seen);
    }

    [Fact]
    public async Task A_bounding_box_selects_the_events_placed_inside_it_across_the_antimeridian_too()
    {
        var store = await CreateStoreAsync();
        var kharkiv = Event("k", "s1", 1, "RUS", "UKR", "190") with
        {
            ActionGeoType = 4, ActionGeoFullName = "Kharkiv", ActionGeoCountryCode = "UKR", ActionGeoAdm1Code = "07",
            ActionGeoLat = 49.98, ActionGeoLong = 36.25, ActionGeoFeatureId = "706483",
        };
        var fiji = Event("f", "s2", 2, "FJI", "AUS", "040") with { ActionGeoType = 1, ActionGeoLat = -17.7, ActionGeoLong = 178.1 };
        await store.InsertAsync([kharkiv, fiji, Event("u", "s3", 3, "CHN", "RUS", "040")], Ct);

        Json.AssertEquivalent(kharkiv, (await store.ListAsync(new CodedEventQuery(Box: new GeoBox(35.5, 49.5, 37, 50.5)), Ct)).Items.Single());
        Assert.Equal(["f:FJI:AUS:040"], Ids((await store.ListAsync(new CodedEventQuery(Box: new GeoBox(170, -25, -170, -10)), Ct)).Items));
        Assert.Empty((await store.ListAsync(new CodedEventQuery(Box: new GeoBox(0, 0, 10, 10)), Ct)).Items);
        Assert.Equal(3, (await store.ListAsync(new CodedEventQuery(), Ct)).Items.Count);
    }

    private static List<string> Ids(IReadOnlyList<CodedEventDocument> events) => events.Select(e => e.EventId).ToList();
}

public sealed class SqliteCodedEventStoreTests : CodedEventStoreContract
{
    protected override async Task<ICodedEventStore> CreateStoreAsync() => await StoreFactory.CreateSqliteAsync<SqliteCodedEventStore>();
}

public sealed class MongoCodedEventStoreTests(MongoServer mongo) : CodedEventStoreContract
{
    protected override async Task<ICodedEventStore> CreateStoreAsync() => await StoreFactory.CreateMongoAsync<MongoCodedEventStore>(mongo);
}
