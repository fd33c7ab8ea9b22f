namespace Monitoring.Classify.Actors;

/// <summary>
/// What <c>Data/country-forms.json</c> (ours) adds to the gazetteer: inflected and adjectival forms per country, the
/// generic names of bodies every state has ("Security Council": "Russia's Security Council" is Russia's, not the UN's),
/// the words that make a country's name a club, brand or event ("Real Madrid", "China Open"), and the country names
/// that are also given names ("Mauricio Macri").
/// </summary>
public sealed record CountryContext
{
    public static readonly CountryContext Empty = new();

    public Dictionary<string, List<string>> Forms { get; init; } = [];

    public List<string> NationalBodies { get; init; } = [];

    public NotCountryWords NotCountry { get; init; } = new();

    public GivenNameWords GivenNames { get; init; } = new();

    /// <summary>Reads <c>country-forms.json</c> from the folder of the gazetteer at <paramref name="countriesPath"/>; empty when absent.</summary>
    public static CountryContext Load(string countriesPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(countriesPath))!, "country-forms.json");
        if (!File.Exists(path)) return Empty;
        var context = ActorDictionary.Read<CountryContext>(path);
        foreach (var (code, forms) in context.Forms)
        {
            foreach (var form in forms)
            {
                var star = form.IndexOf('*', StringComparison.Ordinal);
                if (star >= 0 && (star < 4 || star != form.Length - 1 && form[star + 1] != ' '))
                {
                    throw new InvalidDataException($"{path}: {code} form '{form}': a wildcard ends a word and needs at least four letters before '*'");
                }
            }
        }

        return context;
    }

    public sealed record NotCountryWords
    {
        public List<string> Before { get; init; } = [];
        public List<string> After { get; init; } = [];
    }

    public sealed record GivenNameWords
    {
        public List<string> Names { get; init; } = [];
        public List<string> Particles { get; init; } = [];
        public List<string> NotSurnames { get; init; } = [];
    }
}
