namespace Monitoring.Contracts;

/// <summary>
/// Who did what to whom in one sentence of an article, CAMEO-coded as GDELT does, with the evidence: the sentence
/// and the character offsets (end exclusive) of the sentence and of the words that triggered the code.
/// </summary>
public sealed record CodedEvent
{
    /// <summary>CAMEO event code, e.g. "036" or "0313".</summary>
    public required string Cameo { get; init; }

    /// <summary>CAMEO root code (two digits), e.g. "03".</summary>
    public required string Root { get; init; }

    /// <summary>GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public required int QuadClass { get; init; }

    /// <summary>Goldstein conflict–cooperation value, −10 … +10.</summary>
    public required double Goldstein { get; init; }

    public required EventActor Source { get; init; }
    public required EventActor Target { get; init; }

    public required string Sentence { get; init; }
    public required int SentenceStart { get; init; }
    public required int SentenceEnd { get; init; }

    /// <summary>The verb (and the pattern words) that gave the code, as written.</summary>
    public required string Trigger { get; init; }
    public required int TriggerStart { get; init; }
    public required int TriggerEnd { get; init; }

    /// <summary>
    /// What gave the code: <c>"pattern"</c> when a CAMEO verb pattern or the verb's own dictionary code did,
    /// <c>"trigger"</c> when no pattern applied and the trigger word gave its root-level code (null from older coders).
    /// </summary>
    public string? Basis { get; init; }

    /// <summary>True when the event was coded from the article's title; then its offsets refer to <c>ArticleClassified.Title</c>.</summary>
    public bool InTitle { get; init; }

    /// <summary>Where it happened (GDELT's ActionGeo): the place its sentence names nearest the trigger, else the article's focus country; null when neither is known.</summary>
    public GeoPlace? Place { get; init; }
}
