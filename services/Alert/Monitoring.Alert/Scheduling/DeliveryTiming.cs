using Monitoring.Alert.Alerts;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Scheduling;

/// <summary>
/// When an alert goes out. Urgent alerts: at once. Otherwise at once for an immediate subscription, at the end of the
/// current period for an hourly or daily digest; and a time that falls in quiet hours moves to their end.
/// </summary>
public static class DeliveryTiming
{
    public static (DeliveryStatus Status, DateTimeOffset? DueAt) Decide(Subscription subscription, bool urgent, DateTimeOffset now)
    {
        if (urgent) return (DeliveryStatus.Pending, null);

        DateTimeOffset? due = subscription.Schedule.Kind switch
        {
            ScheduleKind.Hourly => NextHour(now, Zone(subscription.Schedule.TimeZone)),
            ScheduleKind.Daily => NextDaily(now, subscription.Schedule.At ?? new TimeOnly(8, 0), Zone(subscription.Schedule.TimeZone)),
            _ => null,
        };
        if (subscription.QuietHours is { } quiet && QuietEnd(quiet, due ?? now) is { } end) due = end;
        return due is null ? (DeliveryStatus.Pending, null) : (DeliveryStatus.Scheduled, due);
    }

    /// <summary>The end of the quiet window <paramref name="moment"/> falls in, or null when it is outside.</summary>
    public static DateTimeOffset? QuietEnd(QuietHours quiet, DateTimeOffset moment)
    {
        var zone = Zone(quiet.TimeZone);
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = quiet.From < quiet.To ? time >= quiet.From && time < quiet.To : time >= quiet.From || time < quiet.To;
        if (!inside) return null;
        var end = local.Date + quiet.To.ToTimeSpan();
        if (end <= local.DateTime) end = end.AddDays(1);
        return ToInstant(end, zone);
    }

    public static DateTimeOffset NextHour(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        return ToInstant(local.Date.AddHours(local.Hour + 1), zone);
    }

    public static DateTimeOffset NextDaily(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var next = local.Date + at.ToTimeSpan();
        if (next <= local) next = next.AddDays(1);
        return ToInstant(next, zone);
    }

    private static TimeZoneInfo Zone(string? id) => id is { Length: > 0 } ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;

    /// <summary>A local wall-clock time as an instant; a time skipped by a daylight-saving jump moves forward past the gap.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
