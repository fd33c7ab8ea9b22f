using System.CommandLine;
using Monitoring.Alert.Subscriptions;
using Monitoring.Classify.Actors;
using Monitoring.Classify.Coding;
using Monitoring.Classify.Taxonomy;

namespace Monitoring.Monitor;

/// <summary>
/// <c>monitor vocabulary</c>: prints what subscriptions may name (topics with descriptions, countries, organisations,
/// CAMEO codes, quad classes, languages) from the classify service's data, as the alert service's
/// <c>Data/vocabulary.json</c>. Run it after changing the taxonomy or the dictionaries:
/// <c>monitor vocabulary &gt; services/Alert/Monitoring.Alert/Data/vocabulary.json</c>.
/// </summary>
public static class VocabularyCommand
{
    /// <summary>The languages ingest detects and the taxonomy's terms cover (ISO 639-1).</summary>
    private static readonly (string Code, string Name)[] Languages =
    [
        ("ar", "Arabic"), ("da", "Danish"), ("de", "German"), ("el", "Greek"), ("en", "English"), ("es", "Spanish"), ("fa", "Persian"), ("fr", "French"),
        ("he", "Hebrew"), ("hi", "Hindi"), ("it", "Italian"), ("ja", "Japanese"), ("ko", "Korean"), ("nl", "Dutch"), ("no", "Norwegian"), ("pt", "Portuguese"),
        ("ru", "Russian"), ("sr", "Serbian"), ("sv", "Swedish"), ("th", "Thai"), ("tr", "Turkish"), ("uk", "Ukrainian"), ("ur", "Urdu"), ("zh", "Chinese"),
    ];

    public static Command Create()
    {
        var command = new Command("vocabulary", "Print the topics, codes and languages subscriptions may name (the alert service's Data/vocabulary.json)");
        command.SetAction((_, _) =>
        {
            try
            {
                Console.Out.WriteLine(Build().ToJson());
                return Task.FromResult(0);
            }
            catch (Exception exception) when (exception is TaxonomyException or IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"monitor vocabulary: {exception.Message}");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    public static SubscriptionVocabulary Build()
    {
        var taxonomy = TopicTagger.Load(DataFile("taxonomy.yaml"));
        var countries = ActorDictionary.LoadCountries(DataFile("countries.json"));
        var actors = ActorDictionary.Load(DataFile("countries.json"), DataFile("actors.json"));
        var cameo = CameoCodebook.Load(DataFile("cameo-codes.tsv"));
        var countryCodes = countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return new SubscriptionVocabulary
        {
            Topics = taxonomy.Topics.Select(t => new VocabularyEntry(t.Id, t.Name, t.Description.Length > 0 ? t.Description : null)).ToList(),
            Countries = countries.Select(c => new VocabularyEntry(c.Code, c.Name)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList(),
            Organisations = actors
                .Where(a => a.Type == ActorType.Organisation && a.Source == "curated" && a.Code.Length > 0 && !countryCodes.Contains(a.Code))
                .GroupBy(a => a.Code).Select(g => new VocabularyEntry(g.Key, g.First().Name)).OrderBy(o => o.Id, StringComparer.Ordinal).ToList(),
            Cameo = cameo.Codes.Select(c => new VocabularyEntry(c.Code, Capitalise(c.Name))).ToList(),
            Quads =
            [
                new("verbal-cooperation", "Verbal cooperation (CAMEO 01-05)"), new("material-cooperation", "Material cooperation (CAMEO 06-08)"),
                new("verbal-conflict", "Verbal conflict (CAMEO 09-13)"), new("material-conflict", "Material conflict (CAMEO 14-20)"),
            ],
            Languages = Languages.Select(l => new VocabularyEntry(l.Code, l.Name)).ToList(),
        };
    }

    private static string Capitalise(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();

    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);
}
