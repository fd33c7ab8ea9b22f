namespace Monitoring.Contracts;

/// <summary>
/// A coded event (who did what to whom: actor pair and CAMEO root, within a window) reported by several outlets in
/// separately written articles, with its provenance: every report in the order seen, which were syndicated copies of
/// a story another outlet had carried first, and the denials. Business key: <see cref="EventId"/>.
/// </summary>
public sealed record EventCorroboration
{
    /// <summary><c>{source}-{target}-{root}-{window start, yyyyMMddTHHmm}</c>, e.g. <c>NOR-RUS-17-20261201T0000</c>.</summary>
    public required string EventId { get; init; }

    public required string Source { get; init; }
    public required string Target { get; init; }

    /// <summary>CAMEO root code (two digits).</summary>
    public required string Root { get; init; }

    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Distinct outlets that reported it in separately written articles (a syndicated copy counts for no one).</summary>
    public required int IndependentOutlets { get; init; }

    /// <summary>The subscription's threshold (<c>corroborated:N</c>) when this was raised as an alert.</summary>
    public int? Required { get; init; }

    /// <summary>Every report, earliest first: the first is the first outlet and time.</summary>
    public required IReadOnlyList<CorroboratingReport> Reports { get; init; }

    /// <summary>Reports in the window of one of the two actors denying it (CAMEO 016, deny responsibility), earliest first.</summary>
    public IReadOnlyList<CorroboratingReport> Denials { get; init; } = [];

    /// <summary>Reported by one outlet and denied in another's report.</summary>
    public bool Disputed { get; init; }
}
