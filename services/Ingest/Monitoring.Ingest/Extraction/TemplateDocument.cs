namespace Monitoring.Ingest.Extraction;

/// <summary>
/// One document a source's template was learnt from: the hashes of its normalised lines. A source's template is the
/// lines that recur across its recent documents (<see cref="SourceBoilerplate"/>); storing the documents, not the
/// verdicts, lets a restarted or second ingest process rebuild the same template, and lets it change as the source's
/// pages change (old documents leave the window).
/// </summary>
public sealed record TemplateDocument(string Source, ulong DocumentHash, IReadOnlyList<ulong> LineHashes, DateTimeOffset SeenAt);
