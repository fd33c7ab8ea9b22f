namespace Monitoring.Classify;

public sealed class ClassifyOptions
{
    public const string SectionName = "Classify";

    /// <summary>The topic taxonomy; relative paths resolve against the application's directory.</summary>
    public string TaxonomyPath { get; set; } = "Data/taxonomy.yaml";

    public string GazetteerPath { get; set; } = "Data/countries.json";

    /// <summary>Organisations, people and role words (built by <c>Data/build-actors.py</c>).</summary>
    public string ActorsPath { get; set; } = "Data/actors.json";
}
