using Monitoring.Classify.Articles;
using Monitoring.Classify.Coding;
using Monitoring.Contracts;
using Monitoring.Storage;

namespace Monitoring.Classify.Storage;

/// <summary>
/// Classify's records as MongoDB documents: their business key as <c>_id</c>, every other field under its own name.
/// Optional parts are left out when empty, as documents written before they existed have them.
/// </summary>
public static class ClassifyBsonMaps
{
    public static void Register()
    {
        MongoConventions.Map<ClassifiedArticle>(a => a.ArticleId, map => map.GetMemberMap(a => a.Entities).SetIgnoreIfNull(true));
        MongoConventions.Map<TopicScore>(configure: map => map.GetMemberMap(t => t.Evidence).SetIgnoreIfNull(true));
        MongoConventions.Map<ArticleEntity>(configure: map =>
        {
            map.GetMemberMap(e => e.Country).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.Sectors).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.Role).SetIgnoreIfNull(true);
        });
        MongoConventions.Map<MatchEvidence>();

        // Story-wide counts are computed when listing (CodedEvents.WithStoryCounts), never stored.
        MongoConventions.Map<CodedEventDocument>(e => e.EventId, map =>
        {
            map.UnmapMember(e => e.NumSources);
            map.UnmapMember(e => e.NumArticles);

            // An event without a place is stored as before places existed: no ActionGeo fields at all.
            map.GetMemberMap(e => e.ActionGeoType).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.ActionGeoFullName).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.ActionGeoCountryCode).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.ActionGeoAdm1Code).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.ActionGeoLat).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.ActionGeoLong).SetIgnoreIfNull(true);
            map.GetMemberMap(e => e.ActionGeoFeatureId).SetIgnoreIfNull(true);
        });
    }
}
