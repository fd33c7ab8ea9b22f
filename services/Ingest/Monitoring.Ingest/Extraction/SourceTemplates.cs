namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Keeps <see cref="SourceBoilerplate"/> in step with the <see cref="ITemplateStore"/>: before a source's first
/// article in this process its stored documents are brought back, and after each extraction the documents learnt
/// are stored. A restarted or second ingest process thus filters a source's template from its first article on.
/// </summary>
public sealed class SourceTemplates(SourceBoilerplate boilerplate, ITemplateStore store)
{
    public async Task RestoreAsync(ArticleSubmission submission, CancellationToken cancellationToken)
    {
        if (ArticleExtractor.SourceKey(submission, canonicalUrl: null) is not { } source || boilerplate.IsRestored(source)) return;
        boilerplate.Restore(source, await store.RecentAsync(source, boilerplate.WindowDocuments, cancellationToken));
    }

    public async Task SaveLearntAsync(CancellationToken cancellationToken)
    {
        foreach (var document in boilerplate.TakePending())
        {
            await store.AddAsync(document, boilerplate.WindowDocuments, cancellationToken);
        }
    }
}
