using MongoDB.Bson;
using MongoDB.Bson.Serialization.Options;
using MongoDB.Bson.Serialization.Serializers;
using Monitoring.Ingest.Articles;
using Monitoring.Ingest.Sources;
using Monitoring.Ingest.Stories;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

/// <summary>Ingest's records as MongoDB documents: their business key as <c>_id</c>, every other field under its own name.</summary>
public static class IngestBsonMaps
{
    public static void Register()
    {
        // The byline came later: left out when null, so articles without one are written as before.
        MongoConventions.Map<StoredArticle>(a => a.ArticleId, map => map.GetMemberMap(a => a.Byline).SetIgnoreIfNull(true));
        MongoConventions.Map<FeedSource>(configure: map => map.GetMemberMap(s => s.PollInterval)
            .SetElementName("PollIntervalMs").SetSerializer(new TimeSpanSerializer(BsonType.Int64, TimeSpanUnits.Milliseconds)));
        MongoConventions.Map<SourceStatus>();
        MongoConventions.Map<StoryMember>(m => m.ArticleId, map => map.MapCreator(m => new StoryMember(m.ArticleId, m.StoryId, m.Outlet, m.SeenAt, m.Signature)));
    }
}
