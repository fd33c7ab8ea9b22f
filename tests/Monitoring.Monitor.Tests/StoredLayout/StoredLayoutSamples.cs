using Monitoring.Alert.Alerts;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Subscriptions;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Articles;
using Monitoring.Contracts;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Stories;

namespace Monitoring.Monitor.Tests.StoredLayout;

/// <summary>
/// The records in <c>Storage/Layout/</c>, as they must read back: the values the fixture writer stored, after the
/// updates it made (an announced article, a polled source, an alert with a second article, a claim and a delivered channel).
/// </summary>
public static class StoredLayoutSamples
{
    public static DateTimeOffset At(int minute) => new DateTimeOffset(2025, 3, 14, 11, 26, 53, 589, TimeSpan.FromHours(2)).AddMinutes(minute);

    public static string Fixture(params string[] parts) => RepositoryPaths.Combine(["tests", "Monitoring.Monitor.Tests", "StoredLayout", "Layout", .. parts]);

    public static readonly StoredArticle Article = new()
    {
        ArticleId = "a-full", StoryId = "s-1", ContentHash = "hash-full", Text = "Police in Lyon arrested two men.", Title = "Arrests in Lyon",
        Url = "https://news.example/lyon", Source = "example-news", Language = "en", PublishedAt = At(0), IngestedAt = At(1), AnnouncedAt = At(3),
    };

    public static readonly StoredArticle BareArticle = new()
    {
        ArticleId = "a-bare", StoryId = "a-bare", ContentHash = "hash-bare", Text = "Text only.", Language = "und", IngestedAt = At(2),
    };

    public static readonly FeedSource Source = new()
    {
        Id = "example-world", Url = "https://news.example/world.rss", Name = "Example World", PollInterval = TimeSpan.FromMinutes(15), Enabled = true,
        Origin = "config", CreatedAt = At(0),
        Status = new SourceStatus
        {
            LastPolledAt = At(10), LastSuccessAt = At(9), NextPollAt = At(25), LastOutcome = "error", LastError = "HTTP 503", ConsecutiveFailures = 2,
            LastItemsSeen = 20, LastItemsNew = 3, TotalItemsSeen = 400, TotalItemsNew = 57, TotalErrors = 4, TotalPolls = 31, ETag = "\"abc\"",
            LastModified = At(-60),
        },
    };

    public static readonly FeedSource BareSource = new()
    {
        Id = "bare", Url = "https://bare.example/feed", PollInterval = TimeSpan.FromSeconds(90), Enabled = false, CreatedAt = At(1),
    };

    public const string SeenItemKey = "https://news.example/world/item-1";

    public static readonly StoryMember Member = new("a-full", "s-1", "example-news", At(1), [1, 2, 3, 4, 250, 251, 252, 253]);

    public static readonly ClassifiedArticle Classified = new()
    {
        ArticleId = "a-full", StoryId = "s-1", Title = "Arrests in Lyon", Url = "https://news.example/lyon", Source = "example-news", Language = "en",
        PublishedAt = At(0), IngestedAt = At(1), ClassifiedAt = At(2),
        Topics =
        [
            new TopicScore { Id = "law-enforcement", Score = 7.5, Evidence = [new MatchEvidence { Rule = "law-enforcement/terms/police", Text = "Police", Start = 16, End = 22, Weight = 5 }] },
            new TopicScore { Id = "crime", Score = 2.25 },
        ],
        Countries = ["FRA"],
        Entities =
        [
            new ArticleEntity
            {
                Id = "country:fra", Type = "country", Name = "France", Code = "FRA", Country = "FRA", Sectors = ["GOV"], Role = "Minister",
                Mentions = [new MatchEvidence { Rule = "country:fra", Text = "Lyon", Start = 26, End = 30 }],
            },
            new ArticleEntity { Id = "org:un", Type = "organisation", Name = "United Nations", Code = "UN", Mentions = [new MatchEvidence { Rule = "org:un#surname", Text = "UN", Start = 40, End = 42 }] },
        ],
    };

    public static readonly ClassifiedArticle BareClassified = new()
    {
        ArticleId = "a-bare", StoryId = "a-bare", Language = "und", IngestedAt = At(2), ClassifiedAt = At(3), Topics = [], Countries = [],
    };

    public static readonly CodedEventDocument Coded = new()
    {
        EventId = "a-full:FRACOP:FRA:173", ArticleId = "a-full", StoryId = "s-1", SourceName = "example-news", SourceUrl = "https://news.example/lyon",
        PublishedAt = At(0), DateAdded = At(2), Actor1Code = "FRACOP", Actor1Name = "Police", Actor1CountryCode = "FRA", Actor1Type1Code = "COP",
        Actor2Code = "FRA", Actor2Name = "two men", Actor2CountryCode = "FRA", EventCode = "173", EventBaseCode = "173", EventRootCode = "17",
        QuadClass = 4, GoldsteinScale = -5.0, IsRootEvent = true, NumMentions = 2, Sentence = "Police in Lyon arrested two men.", SentenceStart = 0,
        Trigger = "arrested", TriggerStart = 15,
    };

    public static readonly CodedEventDocument BareCoded = new()
    {
        EventId = "a-bare:USA:RUS:042", ArticleId = "a-bare", StoryId = "a-bare", DateAdded = At(2), Actor1Code = "USA", Actor1Name = "Washington",
        Actor1CountryCode = "USA", Actor2Code = "RUS", Actor2Name = "Moscow", Actor2CountryCode = "RUS", EventCode = "042", EventBaseCode = "042",
        EventRootCode = "04", QuadClass = 1, GoldsteinScale = 1.9, IsRootEvent = false, NumMentions = 1, Sentence = "Washington visited Moscow.",
        SentenceStart = 0, Trigger = "visited", TriggerStart = 11,
    };

    public static readonly Analyst Analyst = new() { AnalystId = "an-1", Name = "Ada", ApiKeyHash = "key-hash-1", CreatedAt = At(0) };

    public static readonly Subscription Subscription = new()
    {
        SubscriptionId = "sub-1", AnalystId = "an-1", Name = "French arrests", Query = "topic:law-enforcement AND country:FRA", Topics = ["law-enforcement"],
        Countries = ["FRA"], Keywords = ["arrest"], MinScore = 2.5,
        Channels = [new DeliveryChannel(ChannelType.Webhook, "https://hooks.example/a"), new DeliveryChannel(ChannelType.Email, "ada@example.org")],
        Schedule = new DeliverySchedule(ScheduleKind.Daily, new TimeOnly(8, 30), "Europe/Paris"),
        QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Paris"),
        UrgentQuery = "\"terror\"", NotifyOnUpdates = true, SigningSecret = "secret-1", CreatedAt = At(1),
    };

    public static readonly Subscription BareSubscription = new()
    {
        SubscriptionId = "sub-2", AnalystId = "an-1", Name = "Anything", Topics = [], Countries = [], Keywords = [], CreatedAt = At(2),
    };

    /// <summary>Raised by a-full, then a-copy of other-news joined the story; a delivery was claimed until At(7) and reached the webhook.</summary>
    public static readonly AlertRecord UpdatedAlert = new()
    {
        AlertId = "al-1", SubscriptionId = "sub-1", AnalystId = "an-1", StoryId = "s-1", ArticleId = "a-full", Title = "Arrests in Lyon",
        Url = "https://news.example/lyon", Topics = ["law-enforcement"], Countries = ["FRA"], ArticleCount = 2, Outlets = ["example-news", "other-news"],
        LatestArticleId = "a-copy", LatestTitle = "Two arrested in Lyon", LatestUrl = "https://other.example/lyon", UpdatedAt = At(5), Urgent = true,
        ArticleIngestedAt = At(1), RaisedAt = At(3), DeliveryStatus = DeliveryStatus.Pending, DeliveryAttempts = 1,
        DeliveredChannels = ["webhook:https://hooks.example/a"],
    };

    public static readonly DateTimeOffset AlertLeaseUntil = At(7);

    /// <summary>Scheduled for later, then marked not relevant.</summary>
    public static readonly AlertRecord NotRelevantAlert = new()
    {
        AlertId = "al-2", SubscriptionId = "sub-2", AnalystId = "an-1", StoryId = "s-2", ArticleId = "a-bare", Topics = [], Countries = [],
        ArticleIngestedAt = At(2), RaisedAt = At(4), DeliveryStatus = DeliveryStatus.NotRequired, DueAt = At(120), NotRelevantAt = At(8),
        FeedbackComment = "not ours",
    };
}
