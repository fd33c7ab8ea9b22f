namespace Monitoring.Alert.Breaking;

/// <summary>
/// When a story is breaking (<c>Alert:Breaking</c>): it gains, in the last hour, <see cref="Ratio"/> times the outlets
/// a story of its topic normally gains in an hour (over the trailing day), and at least <see cref="MinNewOutletsPerHour"/>;
/// or likewise in the last day against the trailing two weeks.
/// </summary>
public sealed class BreakingOptions
{
    public double Ratio { get; set; } = 3;
    public int MinNewOutletsPerHour { get; set; } = 4;
    public int MinNewOutletsPerDay { get; set; } = 8;
    public TimeSpan HourlyBaseline { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan DailyBaseline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A topic with fewer story-windows than this in its baseline is measured against every topic's.</summary>
    public int MinBaselineWindows { get; set; } = 10;

    /// <summary>How many hours of growth the alert carries at most.</summary>
    public int CurveHours { get; set; } = 48;
}
