namespace Monitoring.Ingest.Stories;

public sealed class StoryOptions
{
    public const string SectionName = "Ingest:Stories";

    /// <summary>An article joins a story only if a copy was ingested within this window; later it starts a new story.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Estimated Jaccard similarity of word shingles from which two texts are copies of one story.</summary>
    public double SimilarityThreshold { get; set; } = 0.4;
}
