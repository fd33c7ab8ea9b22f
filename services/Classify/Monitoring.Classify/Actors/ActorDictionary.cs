using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Classify.Actors;

/// <summary>
/// Loads the actor dictionaries: countries from <c>countries.json</c> (names in 24 languages, demonyms, capitals,
/// seats of power) and organisations, people and role words from <c>actors.json</c> (built by
/// <c>Data/build-actors.py</c> from the PETRARCH-2 dictionaries and our curated, current entries).
/// </summary>
public static class ActorDictionary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Curated entries first, then countries, then the converted dictionaries, then role words: earlier entries win an alias.</summary>
    public static List<ActorEntry> Load(string countriesPath, string actorsPath)
    {
        var actors = Read<ActorsFile>(actorsPath).Actors;
        return
        [
            .. actors.Where(a => a.Source == "curated"),
            .. LoadCountries(countriesPath),
            .. actors.Where(a => a.Source != "curated" && a.Type != ActorType.Role),
            .. actors.Where(a => a.Source != "curated" && a.Type == ActorType.Role),
        ];
    }

    /// <summary>The gazetteer, with the inflected forms of <c>country-forms.json</c> beside it when that file exists.</summary>
    public static List<ActorEntry> LoadCountries(string path)
    {
        var forms = CountryContext.Load(path).Forms;
        return Read<CountriesFile>(path).Countries.Select(c => new ActorEntry
        {
            Id = "country:" + c.Code, Type = ActorType.Country, Name = c.Name, Code = c.Code, Country = c.Code, Source = "countries", Aliases = c.Forms,
            Forms = forms.GetValueOrDefault(c.Code) ?? [],
        }).ToList();
    }

    internal static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path}: empty dictionary");
    }

    private sealed record ActorsFile(List<ActorEntry> Actors);

    private sealed record CountriesFile(List<CountryRecord> Countries);

    private sealed record CountryRecord(string Code, string Name, List<string> Forms);
}
