namespace Monitoring.Classify;

public sealed class ClassifyOptions
{
    public const string SectionName = "Classify";

    /// <summary>The topic taxonomy; relative paths resolve against the application's directory.</summary>
    public string TaxonomyPath { get; set; } = DataFiles.Taxonomy;

    public string GazetteerPath { get; set; } = DataFiles.Gazetteer;

    /// <summary>Organisations, people and role words.</summary>
    public string ActorsPath { get; set; } = DataFiles.Actors;
}
