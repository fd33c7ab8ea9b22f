namespace Monitoring.Alert.Shifts;

/// <summary>The events between country pairs and the shifts they fired: what relation-shift detection reads and writes.</summary>
public interface IRelationStore
{
    /// <summary>Records the events, each once per story, actor pair and CAMEO code (a unique index: a copy or a redelivery adds nothing).</summary>
    Task RecordAsync(IReadOnlyList<RelationEvent> events, CancellationToken cancellationToken);

    /// <summary>The pair's recorded events from <paramref name="from"/> to <paramref name="to"/>, both days included.</summary>
    Task<RelationBalance> BalanceAsync(string pair, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the pair has an event of <paramref name="root"/> since <paramref name="since"/> recorded before the story's own
    /// (earlier <see cref="RelationEvent.RecordedAt"/>, ties by story id): of several first events, exactly one is first.
    /// </summary>
    Task<bool> HasEarlierOfRootAsync(string pair, string root, DateOnly since, string storyId, CancellationToken cancellationToken);

    /// <summary>The pair's events from <paramref name="from"/> to <paramref name="to"/> of the given quad classes (all when empty), newest day first.</summary>
    Task<IReadOnlyList<RelationEvent>> EventsAsync(string pair, DateOnly from, DateOnly to, IReadOnlyCollection<int> quadClasses, int limit, CancellationToken cancellationToken);

    /// <summary>The story's recorded events (of its first article to code each), earliest day first: what its meetings are (<c>Sides/</c>).</summary>
    Task<IReadOnlyList<RelationEvent>> OfStoryAsync(string storyId, CancellationToken cancellationToken);

    /// <summary>The UTC day the first event was recorded (received, whatever its publication day), or null before the first: how long the relations have been watched.</summary>
    Task<DateOnly?> ObservedSinceAsync(CancellationToken cancellationToken);

    /// <summary>Stores the shift unless one with its <see cref="RelationShift.OpenKey"/> exists (a unique index); true when this call stored it.</summary>
    Task<bool> TryOpenAsync(RelationShift shift, CancellationToken cancellationToken);

    /// <summary>The pair's open shift of <paramref name="kind"/>, if any.</summary>
    Task<RelationShift?> OpenShiftAsync(string pair, string kind, CancellationToken cancellationToken);

    /// <summary>Notes that an open shift's measures are still beyond their thresholds.</summary>
    Task ConfirmAsync(string shiftId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Closes an open shift (the balance returned), freeing its pair for the next one.</summary>
    Task CloseAsync(string shiftId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The shifts an article fired, so that its redelivery alerts the same ones.</summary>
    Task<IReadOnlyList<RelationShift>> FiredByAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Shifts opened since <paramref name="since"/>, of one pair or of every pair with one country (or all), newest first.</summary>
    Task<IReadOnlyList<RelationShift>> ListAsync(string? pair, string? country, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets events of days before <paramref name="before"/> (shifts are kept).</summary>
    Task PruneAsync(DateOnly before, CancellationToken cancellationToken);
}
