namespace Monitoring.Contracts;

/// <summary>
/// One coded event of an article as matching needs it (<c>event:</c>, <c>quad:</c>): the CAMEO code and who acted on
/// whom. The sentence, trigger and offsets stay in classify's coded-event store: <see cref="ArticleClassified.EvidencePath"/>.
/// </summary>
public sealed record ArticleEventCode
{
    /// <summary>CAMEO event code, e.g. "036" or "0313".</summary>
    public required string Cameo { get; init; }

    /// <summary>Source actor's country or organisation code.</summary>
    public required string Source { get; init; }

    /// <summary>Target actor's country or organisation code.</summary>
    public required string Target { get; init; }

    /// <summary>Where it happened (<see cref="CodedEvent.Place"/>), for <c>near:</c>; null when unplaced or from older publishers.</summary>
    public GeoPlace? Place { get; init; }
}
