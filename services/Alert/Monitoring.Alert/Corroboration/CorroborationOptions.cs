namespace Monitoring.Alert.Corroboration;

/// <summary>Bound from <c>Alert:Corroboration</c>.</summary>
public sealed class CorroborationOptions
{
    public const string SectionName = "Alert:Corroboration";

    /// <summary>
    /// Reports of one actor pair and CAMEO root within one window are one event (windows are aligned to UTC midnight for
    /// whole days, as GDELT counts an event's sources per day). Default one day.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A publication time later than ingest by more than this is not believed: the report is dated when ingested.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromHours(1);
}
