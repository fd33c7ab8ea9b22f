namespace Monitoring.Classify;

/// <summary>Classify's outbox: <c>ArticleClassified</c> written with the classified article and its coded events.</summary>
public static class ClassifyOutbox
{
    public const string Name = "classify_outbox";
}
