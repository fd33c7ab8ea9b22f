namespace Monitoring.Ingest;

/// <summary>Ingest's outbox: <c>ArticleIngested</c> written with the article it announces (<see cref="Articles.IArticleStore.TryInsertAsync"/>).</summary>
public static class IngestOutbox
{
    public const string Name = "ingest_outbox";
}
