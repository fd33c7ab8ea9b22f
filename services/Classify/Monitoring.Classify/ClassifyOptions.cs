namespace Monitoring.Classify;

public sealed class ClassifyOptions
{
    public const string SectionName = "Classify";

    /// <summary>The topic taxonomy; relative paths resolve against the application's directory.</summary>
    public string TaxonomyPath { get; set; } = DataFiles.Taxonomy;

    public string GazetteerPath { get; set; } = DataFiles.Gazetteer;

    /// <summary>Organisations, people and role words.</summary>
    public string ActorsPath { get; set; } = DataFiles.Actors;

    /// <summary>The places gazetteer, the country names and the capitalised words that are not places (<c>Data/places/</c>).</summary>
    public string PlacesPath { get; set; } = DataFiles.Places;

    public string CountryNamesPath { get; set; } = DataFiles.CountryNames;

    public string NotPlacesPath { get; set; } = DataFiles.NotPlaces;
}
