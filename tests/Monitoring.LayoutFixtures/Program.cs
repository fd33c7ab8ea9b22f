// Writes the stored layout of every table and collection as the code of commit 76a4546 writes it:
//   dotnet run --project tests/Monitoring.LayoutFixtures -- tests/Monitoring.Tests/Storage/Layout
// SQLite: the stores' own methods write a fresh database, dumped as SQL. MongoDB: the stores' private document
// classes (reached by reflection, the only way to them) are filled the way each store fills them and serialised
// with the driver, as Extended JSON; fields a server-side update sets ($push, $inc, $set) are set on the document.
using System.Globalization;
using System.Reflection;
using System.Text;
using Dapper;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Monitoring.Alert.Alerts;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Storage;
using Monitoring.Alert.Subscriptions;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Events;
using Monitoring.Classify.Storage;
using Monitoring.Contracts;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Storage;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;

var output = Path.GetFullPath(args.Length > 0 ? args[0] : "Layout");
Directory.CreateDirectory(Path.Combine(output, "mongo"));
var ct = CancellationToken.None;

static DateTimeOffset At(int minute) => new DateTimeOffset(2025, 3, 14, 11, 26, 53, 589, TimeSpan.FromHours(2)).AddMinutes(minute);

// ---- the records, one per shape (all fields set) and one with every optional field empty ----
var article = new StoredArticle
{
    ArticleId = "a-full", StoryId = "s-1", ContentHash = "hash-full", Text = "Police in Lyon arrested two men.", Title = "Arrests in Lyon",
    Url = "https://news.example/lyon", Source = "example-news", Language = "en", PublishedAt = At(0), IngestedAt = At(1),
};
var bareArticle = new StoredArticle { ArticleId = "a-bare", StoryId = "a-bare", ContentHash = "hash-bare", Text = "Text only.", Language = "und", IngestedAt = At(2) };
var announcedAt = At(3);

var source = new FeedSource
{
    Id = "example-world", Url = "https://news.example/world.rss", Name = "Example World", PollInterval = TimeSpan.FromMinutes(15), Enabled = true,
    Origin = "config", CreatedAt = At(0),
};
var status = new SourceStatus
{
    LastPolledAt = At(10), LastSuccessAt = At(9), NextPollAt = At(25), LastOutcome = "error", LastError = "HTTP 503", ConsecutiveFailures = 2,
    LastItemsSeen = 20, LastItemsNew = 3, TotalItemsSeen = 400, TotalItemsNew = 57, TotalErrors = 4, TotalPolls = 31, ETag = "\"abc\"", LastModified = At(-60),
};
var bareSource = new FeedSource { Id = "bare", Url = "https://bare.example/feed", PollInterval = TimeSpan.FromSeconds(90), Enabled = false, CreatedAt = At(1) };
const string itemKey = "https://news.example/world/item-1";
var itemSeenAt = At(11);

var member = new StoryMember("a-full", "s-1", "example-news", At(1), [1, 2, 3, 4, 250, 251, 252, 253]);

var evidence = new MatchEvidence { Rule = "law-enforcement/terms/police", Text = "Police", Start = 16, End = 22, Weight = 5 };
var classified = new EventDocument
{
    ArticleId = "a-full", StoryId = "s-1", Title = "Arrests in Lyon", Url = "https://news.example/lyon", Source = "example-news", Language = "en",
    PublishedAt = At(0), IngestedAt = At(1), ClassifiedAt = At(2),
    Topics = [new TopicScore { Id = "law-enforcement", Score = 7.5, Evidence = [evidence] }, new TopicScore { Id = "crime", Score = 2.25 }],
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
var bareClassified = new EventDocument
{
    ArticleId = "a-bare", StoryId = "a-bare", Language = "und", IngestedAt = At(2), ClassifiedAt = At(3), Topics = [], Countries = [],
};

var coded = new CodedEventDocument
{
    EventId = "a-full:FRACOP:FRA:173", ArticleId = "a-full", StoryId = "s-1", SourceName = "example-news", SourceUrl = "https://news.example/lyon",
    PublishedAt = At(0), DateAdded = At(2), Actor1Code = "FRACOP", Actor1Name = "Police", Actor1CountryCode = "FRA", Actor1Type1Code = "COP",
    Actor2Code = "FRA", Actor2Name = "two men", Actor2CountryCode = "FRA", Actor2Type1Code = null, EventCode = "173", EventBaseCode = "173",
    EventRootCode = "17", QuadClass = 4, GoldsteinScale = -5.0, IsRootEvent = true, NumMentions = 2, Sentence = "Police in Lyon arrested two men.",
    SentenceStart = 0, Trigger = "arrested", TriggerStart = 15,
};
var bareCoded = coded with
{
    EventId = "a-bare:USA:RUS:042", ArticleId = "a-bare", StoryId = "a-bare", SourceName = null, SourceUrl = null, PublishedAt = null,
    Actor1Code = "USA", Actor1Name = "Washington", Actor1CountryCode = "USA", Actor1Type1Code = null, Actor2Code = "RUS", Actor2Name = "Moscow",
    Actor2CountryCode = "RUS", EventCode = "042", EventBaseCode = "042", EventRootCode = "04", QuadClass = 1, GoldsteinScale = 1.9, IsRootEvent = false,
    NumMentions = 1, Sentence = "Washington visited Moscow.", Trigger = "visited", TriggerStart = 11,
};

var analyst = new Analyst { AnalystId = "an-1", Name = "Ada", ApiKeyHash = "key-hash-1", CreatedAt = At(0) };

var subscription = new Subscription
{
    SubscriptionId = "sub-1", AnalystId = "an-1", Name = "French arrests", Query = "topic:law-enforcement AND country:FRA", Topics = ["law-enforcement"],
    Countries = ["FRA"], Keywords = ["arrest"], MinScore = 2.5,
    Channels = [new DeliveryChannel(ChannelType.Webhook, "https://hooks.example/a"), new DeliveryChannel(ChannelType.Email, "ada@example.org")],
    Schedule = new DeliverySchedule(ScheduleKind.Daily, new TimeOnly(8, 30), "Europe/Paris"), QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Paris"),
    UrgentQuery = "\"terror\"", NotifyOnUpdates = true, SigningSecret = "secret-1", CreatedAt = At(1),
};
var bareSubscription = new Subscription { SubscriptionId = "sub-2", AnalystId = "an-1", Name = "Anything", Topics = [], Countries = [], Keywords = [], CreatedAt = At(2) };

var alert = new AlertRecord
{
    AlertId = "al-1", SubscriptionId = "sub-1", AnalystId = "an-1", StoryId = "s-1", ArticleId = "a-full", Title = "Arrests in Lyon", Url = "https://news.example/lyon",
    Topics = ["law-enforcement"], Countries = ["FRA"], Outlets = ["example-news"], Urgent = true, ArticleIngestedAt = At(1), RaisedAt = At(3),
    DeliveryStatus = DeliveryStatus.Pending,
};
var further = new StoryArticle("a-copy", "other-news", "Two arrested in Lyon", "https://other.example/lyon", At(5));
var claimedAt = At(6);
var leaseUntil = At(7);
var scheduled = new AlertRecord
{
    AlertId = "al-2", SubscriptionId = "sub-2", AnalystId = "an-1", StoryId = "s-2", ArticleId = "a-bare", Topics = [], Countries = [],
    ArticleIngestedAt = At(2), RaisedAt = At(4), DeliveryStatus = DeliveryStatus.Scheduled, DueAt = At(120),
};
var notRelevantAt = At(8);

// ---- SQLite: today's stores write a fresh database ----
var dbPath = Path.Combine(Path.GetTempPath(), $"layout-{Guid.NewGuid():N}.db");
var db = new SqliteDatabase(dbPath);
var articles = new SqliteArticleStore(db); await articles.InitializeAsync(ct);
await articles.TryInsertAsync(article, ct); await articles.TryInsertAsync(bareArticle, ct); await articles.MarkAnnouncedAsync(article.ArticleId, announcedAt, ct);
var sources = new SqliteSourceStore(db); await sources.InitializeAsync(ct);
await sources.TryCreateAsync(source, ct); await sources.SaveStatusAsync(source.Id, status, ct); await sources.TryCreateAsync(bareSource, ct);
await sources.MarkItemSeenAsync(source.Id, itemKey, itemSeenAt, ct);
var stories = new SqliteStoryStore(db); await stories.InitializeAsync(ct); await stories.AddMemberAsync(member, ct);
var events = new SqliteEventStore(db); await events.InitializeAsync(ct); await events.TryInsertAsync(classified, ct); await events.TryInsertAsync(bareClassified, ct);
var codedStore = new SqliteCodedEventStore(db); await codedStore.InitializeAsync(ct); await codedStore.InsertAsync([coded, bareCoded], ct);
var analysts = new SqliteAnalystStore(db); await analysts.InitializeAsync(ct); await analysts.TryInsertAsync(analyst, ct);
var subscriptions = new SqliteSubscriptionStore(db); await subscriptions.InitializeAsync(ct);
await subscriptions.InsertAsync(subscription, ct); await subscriptions.InsertAsync(bareSubscription, ct);
var alerts = new SqliteAlertStore(db); await alerts.InitializeAsync(ct);
await alerts.TryInsertAsync(alert, ct); await alerts.AddArticleAsync(alert.AlertId, further, ct);
await alerts.TryClaimDeliveryAsync(alert.AlertId, claimedAt, leaseUntil, ct); await alerts.MarkChannelDeliveredAsync(alert.AlertId, "webhook:https://hooks.example/a", ct);
await alerts.TryInsertAsync(scheduled, ct); await alerts.MarkNotRelevantAsync("an-1", scheduled.AlertId, "not ours", notRelevantAt, ct);
await File.WriteAllTextAsync(Path.Combine(output, "sqlite.sql"), await DumpAsync(db));

// ---- MongoDB: today's private document classes, serialised by the driver ----
var json = new JsonWriterSettings { OutputMode = JsonOutputMode.CanonicalExtendedJson, Indent = true };
void Write(string collection, params object[] documents)
{
    var wrapper = new BsonDocument { { "collection", collection }, { "documents", new BsonArray(documents.Select(d => d.ToBsonDocument(d.GetType()))) } };
    File.WriteAllText(Path.Combine(output, "mongo", collection + ".json"), wrapper.ToJson(json) + "\n");
}

var articleDoc = From(typeof(MongoArticleStore), "ArticleDocument", article);
Set(articleDoc, "AnnouncedAt", announcedAt.UtcDateTime);
Write("ingest_articles", articleDoc, From(typeof(MongoArticleStore), "ArticleDocument", bareArticle));

var sourceDoc = From(typeof(MongoSourceStore), "SourceDocument", source);
Set(sourceDoc, "Status", From(typeof(MongoSourceStore), "StatusDocument", status));
Write("ingest_sources", sourceDoc, From(typeof(MongoSourceStore), "SourceDocument", bareSource));
var item = New(typeof(MongoSourceStore), "SeenItemDocument",
    ("Id", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(source.Id + "\n" + itemKey)))),
    ("SourceId", source.Id), ("SeenAt", itemSeenAt.UtcDateTime));
Write("ingest_source_items", item);

Write("ingest_story_members", New(typeof(MongoStoryStore), "MemberDocument",
    ("Id", member.ArticleId), ("StoryId", member.StoryId), ("Outlet", member.Outlet), ("SeenAt", member.SeenAt.UtcDateTime), ("Signature", member.Signature)));

Write("classify_events", From(typeof(MongoEventStore), "EventRecord", classified), From(typeof(MongoEventStore), "EventRecord", bareClassified));
Write("classify_coded_events", From(typeof(MongoCodedEventStore), "Record", coded), From(typeof(MongoCodedEventStore), "Record", bareCoded));

Write("alert_analysts", New(typeof(MongoAnalystStore), "AnalystRecord",
    ("Id", analyst.AnalystId), ("Name", analyst.Name), ("ApiKeyHash", analyst.ApiKeyHash), ("CreatedAt", analyst.CreatedAt.UtcDateTime)));
Write("alert_subscriptions", From(typeof(MongoSubscriptionStore), "SubscriptionRecord", subscription), From(typeof(MongoSubscriptionStore), "SubscriptionRecord", bareSubscription));

// The first alert after AddArticleAsync ($push, $inc, $set, $addToSet), TryClaimDeliveryAsync and MarkChannelDeliveredAsync.
var alertDoc = From(typeof(MongoAlertStore), "AlertDocument", alert);
Set(alertDoc, "ArticleIds", new List<string> { alert.ArticleId, further.ArticleId });
Set(alertDoc, "ArticleCount", 2);
Set(alertDoc, "LatestArticleId", further.ArticleId); Set(alertDoc, "LatestTitle", further.Title); Set(alertDoc, "LatestUrl", further.Url);
Set(alertDoc, "UpdatedAt", (DateTime?)further.At.UtcDateTime);
Set(alertDoc, "Outlets", new List<string> { "example-news", "other-news" });
Set(alertDoc, "LeaseUntil", (DateTime?)leaseUntil.UtcDateTime); Set(alertDoc, "DeliveryAttempts", 1);
Set(alertDoc, "DeliveredChannels", new List<string> { "webhook:https://hooks.example/a" });
// The second after MarkNotRelevantAsync.
var scheduledDoc = From(typeof(MongoAlertStore), "AlertDocument", scheduled);
Set(scheduledDoc, "FeedbackComment", "not ours"); Set(scheduledDoc, "NotRelevantAt", (DateTime?)notRelevantAt.UtcDateTime);
Set(scheduledDoc, "DeliveryStatus", DeliveryStatus.NotRequired);
Write("alert_story_alerts", alertDoc, scheduledDoc);

File.Delete(dbPath);
Console.WriteLine($"Fixtures written to {output}");

static object From(Type store, string nested, object record) =>
    store.GetNestedType(nested, BindingFlags.NonPublic)!.GetMethod("From", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [record])!;

static object New(Type store, string nested, params (string Name, object Value)[] values)
{
    var document = Activator.CreateInstance(store.GetNestedType(nested, BindingFlags.NonPublic)!)!;
    foreach (var (name, value) in values) Set(document, name, value);
    return document;
}

static void Set(object document, string property, object? value) => document.GetType().GetProperty(property)!.SetValue(document, value);

static async Task<string> DumpAsync(SqliteDatabase db)
{
    await using var connection = await db.OpenAsync(CancellationToken.None);
    var dump = new StringBuilder("-- Written by the SQLite stores of commit 76a4546 (tests/Monitoring.LayoutFixtures); the layout before issue 14.\n");
    var schema = (await connection.QueryAsync<(string Type, string Name, string Sql)>(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name")).ToList();
    foreach (var entry in schema) dump.Append(entry.Sql).Append(";\n");
    foreach (var table in schema.Where(e => e.Type == "table").Select(e => e.Name))
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName);
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => Literal(reader.GetValue(i)));
            dump.Append($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)});\n");
        }
    }

    return dump.ToString();
}

static string Literal(object value) => value switch
{
    DBNull => "NULL",
    string s => "'" + s.Replace("'", "''") + "'",
    byte[] b => "X'" + Convert.ToHexString(b) + "'",
    long l => l.ToString(CultureInfo.InvariantCulture),
    double d => d.ToString("R", CultureInfo.InvariantCulture),
    _ => throw new NotSupportedException(value.GetType().Name),
};
