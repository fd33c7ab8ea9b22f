namespace Monitoring.Alert.Breaking;

/// <summary>A story's outlet arrivals as an hourly curve: new outlets per hour and the running total, empty hours included.</summary>
public static class GrowthCurve
{
    public static IReadOnlyList<GrowthPoint> Hourly(IReadOnlyList<DateTimeOffset> arrivals, DateTimeOffset now, int maxHours)
    {
        if (arrivals.Count == 0) return [];
        var first = HourOf(arrivals.Min());
        var last = HourOf(now > arrivals.Max() ? now : arrivals.Max());
        var perHour = arrivals.GroupBy(HourOf).ToDictionary(g => g.Key, g => g.Count());
        var points = new List<GrowthPoint>();
        var total = 0;
        for (var hour = first; hour <= last; hour = hour.AddHours(1))
        {
            var added = perHour.GetValueOrDefault(hour);
            total += added;
            points.Add(new GrowthPoint { Hour = hour, NewOutlets = added, Outlets = total });
        }

        return points.Count > maxHours ? points[^maxHours..] : points;
    }

    public static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    /// <summary>The start of the aligned window <paramref name="at"/> falls in (whole hours or UTC days from the epoch).</summary>
    public static DateTimeOffset WindowOf(DateTimeOffset at, TimeSpan window) => new(at.UtcTicks - at.UtcTicks % window.Ticks, TimeSpan.Zero);
}
