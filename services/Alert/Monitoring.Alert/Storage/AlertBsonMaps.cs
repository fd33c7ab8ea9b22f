using Monitoring.Alert.Alerts;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Subscriptions;
using Monitoring.Storage;

namespace Monitoring.Alert.Storage;

/// <summary>Alert's records as MongoDB documents: their business key as <c>_id</c>, every other field under its own name.</summary>
public static class AlertBsonMaps
{
    public static void Register()
    {
        MongoConventions.Map<Analyst>(a => a.AnalystId);
        // The "relevant" verdict came later: an alert without one is written as before, without the field.
        // Read state likewise: an unread alert has no ReadAt field.
        MongoConventions.Map<AlertRecord>(a => a.AlertId, map =>
        {
            map.MapMember(a => a.RelevantAt).SetIgnoreIfNull(true);
            map.MapMember(a => a.ReadAt).SetIgnoreIfNull(true);
            map.MapMember(a => a.Corroboration).SetIgnoreIfNull(true);
            map.MapMember(a => a.Shifts).SetIgnoreIfNull(true);
            map.MapMember(a => a.Breaking).SetIgnoreIfNull(true);
        });

        // What no query filters on is stored as one JSON field, as in SQLite (MongoSubscriptionStore adds it).
        MongoConventions.Map<Subscription>(s => s.SubscriptionId, map =>
        {
            map.UnmapMember(s => s.Query);
            map.UnmapMember(s => s.MinScore);
            map.UnmapMember(s => s.Channels);
            map.UnmapMember(s => s.Schedule);
            map.UnmapMember(s => s.QuietHours);
            map.UnmapMember(s => s.UrgentQuery);
            map.UnmapMember(s => s.NotifyOnUpdates);
            map.UnmapMember(s => s.Paused);
        });
    }
}
