namespace Monitoring.Alert.Shifts;

/// <summary>How relation shifts are detected (<c>Alert:Shifts</c>). Defaults: the last 7 days against the 90 before them.</summary>
public sealed class ShiftOptions
{
    /// <summary>The recent window, in days, today included.</summary>
    public int RecentDays { get; set; } = 7;

    /// <summary>The baseline: this many days before the recent window.</summary>
    public int BaselineDays { get; set; } = 90;

    /// <summary>A quad class's share must rise by at least this much (0.20 = 20 percentage points) …</summary>
    public double ShareRise { get; set; } = 0.20;

    /// <summary>… with at least this many events of that class in the recent window.</summary>
    public int MinClassEvents { get; set; } = 3;

    /// <summary>Or the mean Goldstein value must move by at least this much (the scale runs from −10 to +10).</summary>
    public double GoldsteinChange { get; set; } = 3.0;

    /// <summary>How unlikely by chance a move must be to open a shift (a one-sided binomial tail for a share, a two-sided z-test for the mean Goldstein value).</summary>
    public double Significance { get; set; } = 0.01;

    /// <summary>No balance is compared with fewer events than these in the recent window or in the baseline.</summary>
    public int MinRecentEvents { get; set; } = 5;

    public int MinBaselineEvents { get; set; } = 10;

    /// <summary>An open shift has returned once every measure is back within this fraction of its threshold (hysteresis, so one event does not flap it).</summary>
    public double ReturnFraction { get; set; } = 0.5;

    /// <summary>CAMEO roots whose first event between a pair within the baseline is a shift by itself: force posture, reduce relations, coerce, assault, fight, mass violence.</summary>
    public List<string> FirstEventRoots { get; set; } = ["15", "16", "17", "18", "19", "20"];

    /// <summary>A first event is only claimed once events have been observed for this many days (a fresh install knows no history).</summary>
    public int MinObservedDays { get; set; } = 7;

    /// <summary>At most this many events are listed with a shift.</summary>
    public int MaxEvents { get; set; } = 10;
}
