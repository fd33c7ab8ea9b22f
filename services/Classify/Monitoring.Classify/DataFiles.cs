namespace Monitoring.Classify;

/// <summary>
/// The data files classify ships in <c>Data/</c> (copied beside the assembly), named once: the options take them as
/// defaults and <c>monitor classify</c> loads them.
/// </summary>
public static class DataFiles
{
    public const string Taxonomy = "Data/taxonomy.yaml";
    public const string Gazetteer = "Data/countries.json";

    /// <summary>Organisations, people and role words (built by <c>Data/build-actors.py</c>).</summary>
    public const string Actors = "Data/actors.json";

    public const string CameoVerbs = "Data/cameo-verbs.txt";
    public const string CameoVerbsExtra = "Data/cameo-verbs-extra.txt";
    public const string CameoCodes = "Data/cameo-codes.tsv";

    /// <summary>The coder's languages: cue words, trigger lexicons and actor words (<c>cues-LANG.txt</c>, <c>triggers-LANG.txt</c>, <c>actors-LANG.txt</c>).</summary>
    public const string CodingLanguages = "Data/coding";

    /// <summary>The places gazetteer (GeoNames, built by <c>Data/places/build-places-gazetteer.py</c>), the country names and the words that are not places.</summary>
    public const string Places = "Data/places/places.tsv";
    public const string CountryNames = "Data/places/country-names.tsv";
    public const string NotPlaces = "Data/places/not-places.txt";

    /// <summary>A configured path: absolute as given, relative against the application's directory, where <c>Data/</c> is.</summary>
    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
