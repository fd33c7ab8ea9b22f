using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Monitoring.Alert.Corroboration;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Event reports in <c>alert_event_reports</c>: <c>_id</c> is the event and the article, so none counts twice.</summary>
public sealed class MongoCorroborationStore(IMongoDatabase database) : ICorroborationStore, IStoreInitializer
{
    private readonly IMongoCollection<Row> _reports = database.GetCollection<Row>("alert_event_reports");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _reports.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<Row>(Builders<Row>.IndexKeys.Ascending(r => r.EventId).Ascending(r => r.ReportedAt)),
            new CreateIndexModel<Row>(Builders<Row>.IndexKeys.Ascending(r => r.WindowStart).Ascending(r => r.Source),
                new CreateIndexOptions<Row> { PartialFilterExpression = Builders<Row>.Filter.Eq(r => r.IsDenial, true) }),
        ], cancellationToken);

    public async Task AddAsync(IReadOnlyList<EventReport> reports, CancellationToken cancellationToken)
    {
        if (reports.Count == 0) return;
        try
        {
            await _reports.InsertManyAsync(reports.Select(Row.From), new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException<Row> exception) when (exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            // Reports this article had already made: the others were inserted (unordered).
        }
    }

    public async Task<IReadOnlyList<EventReport>> ReportsAsync(string eventId, CancellationToken cancellationToken) =>
        (await _reports.Find(r => r.EventId == eventId).SortBy(r => r.ReportedAt).ThenBy(r => r.ArticleId).ToListAsync(cancellationToken)).ConvertAll(r => r.ToReport());

    public async Task<IReadOnlyList<EventReport>> DenialsAsync(DateTimeOffset windowStart, IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        var rows = await _reports.Find(r => r.IsDenial && r.WindowStart == windowStart.UtcDateTime && sources.Contains(r.Source))
            .SortBy(r => r.ReportedAt).ThenBy(r => r.ArticleId).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToReport());
    }

    private sealed class Row
    {
        [BsonId] public required string Id { get; init; }
        public required string EventId { get; init; }
        public required string ArticleId { get; init; }
        public required string Source { get; init; }
        public required string Target { get; init; }
        public required string Root { get; init; }
        public DateTime WindowStart { get; init; }
        public required string StoryId { get; init; }
        public required string Outlet { get; init; }
        public required string Cameo { get; init; }
        public string? Title { get; init; }
        public string? Url { get; init; }
        public DateTime ReportedAt { get; init; }
        public bool IsDenial { get; init; }

        public static Row From(EventReport report) => new()
        {
            Id = report.EventId + "\n" + report.ArticleId, EventId = report.EventId, ArticleId = report.ArticleId, Source = report.Source, Target = report.Target,
            Root = report.Root, WindowStart = report.WindowStart.UtcDateTime, StoryId = report.StoryId, Outlet = report.Outlet, Cameo = report.Cameo,
            Title = report.Title, Url = report.Url, ReportedAt = report.ReportedAt.UtcDateTime, IsDenial = report.IsDenial,
        };

        public EventReport ToReport() => new()
        {
            EventId = EventId, ArticleId = ArticleId, Source = Source, Target = Target, Root = Root, WindowStart = Utc(WindowStart), StoryId = StoryId,
            Outlet = Outlet, Cameo = Cameo, Title = Title, Url = Url, ReportedAt = Utc(ReportedAt), IsDenial = IsDenial,
        };

        private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }
}
