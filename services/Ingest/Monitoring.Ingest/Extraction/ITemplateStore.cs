namespace Monitoring.Ingest.Extraction;

/// <summary>Where the documents each source's boilerplate template is learnt from are kept across restarts.</summary>
public interface ITemplateStore
{
    /// <summary>Records a document of its source, idempotent by (source, document hash); keeps only the newest <paramref name="keep"/> per source.</summary>
    Task AddAsync(TemplateDocument document, int keep, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> documents of <paramref name="source"/>, oldest first.</summary>
    Task<IReadOnlyList<TemplateDocument>> RecentAsync(string source, int limit, CancellationToken cancellationToken);
}
