namespace Monitoring.Alert.Corroboration;

/// <summary>The reports of coded events, per event and article, for counting the outlets that corroborate an event.</summary>
public interface ICorroborationStore
{
    /// <summary>Stores each report unless the same article already reported the same event (a unique index: never counted twice).</summary>
    Task AddAsync(IReadOnlyList<EventReport> reports, CancellationToken cancellationToken);

    /// <summary>Every report of the event, earliest first (then by article id).</summary>
    Task<IReadOnlyList<EventReport>> ReportsAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The denials (<see cref="EventReport.IsDenial"/>) of the window made by any of <paramref name="sources"/>, earliest first.</summary>
    Task<IReadOnlyList<EventReport>> DenialsAsync(DateTimeOffset windowStart, IReadOnlyCollection<string> sources, CancellationToken cancellationToken);
}
