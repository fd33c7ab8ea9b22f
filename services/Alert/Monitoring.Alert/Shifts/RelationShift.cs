namespace Monitoring.Alert.Shifts;

/// <summary>One measure of a relation that moved: "material conflict share rose from 4 % to 31 %".</summary>
public sealed record ShiftMeasure
{
    /// <summary><c>share:4</c> (a quad class's share), <c>goldstein</c> (the mean Goldstein value) or <c>first:17</c> (a CAMEO root's first event).</summary>
    public required string Name { get; init; }
    public required double Before { get; init; }
    public required double After { get; init; }
    public required string Text { get; init; }
}

/// <summary>
/// A relation between two countries that moved against its baseline, fired once by the article whose events moved it:
/// a <c>balance</c> shift stays open (and silent) until the balance returns; a <c>first-root</c> shift is the first event
/// of a serious CAMEO root between them in the baseline window. Business key: <see cref="ShiftId"/>; only one
/// balance shift per pair is open at a time (<see cref="OpenKey"/>, unique).
/// </summary>
public sealed record RelationShift
{
    public const string Balance = "balance";
    public const string FirstRoot = "first-root";

    public required string ShiftId { get; init; }
    public required string Pair { get; init; }
    public required string Kind { get; init; }

    /// <summary>Unique among all shifts: <c>pair|balance</c> while a balance shift is open (its id once closed), <c>pair|first-17|story</c> for a first event.</summary>
    public required string OpenKey { get; init; }

    /// <summary>What moved, in words: "CHN–RUS: material conflict share rose from 4 % to 31 % (7 days, 13 events, against 90 days, 210 events)".</summary>
    public required string Summary { get; init; }

    public required IReadOnlyList<ShiftMeasure> Measures { get; init; }

    /// <summary>The events that moved it, newest first: the recent window's events of the classes that rose, or the first event itself.</summary>
    public required IReadOnlyList<RelationEvent> Events { get; init; }

    public required DateOnly RecentFrom { get; init; }
    public required DateOnly RecentTo { get; init; }
    public required DateOnly BaselineFrom { get; init; }
    public required int RecentEvents { get; init; }
    public required int BaselineEvents { get; init; }

    public required string ArticleId { get; init; }
    public required string StoryId { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The last time the measures were still beyond their thresholds; an open shift not confirmed within the recent window has returned.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}
