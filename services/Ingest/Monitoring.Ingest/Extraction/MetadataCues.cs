using System.Text.Json;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// The multilingual tables of <c>Extraction/Data/page-metadata.json</c>: the labels that introduce a byline ("By",
/// "Written by", "Par", "Von", "Автор"…), the words that join two authors' names, what a byline slot says when it
/// holds no name, the articles a headline may open with, and month names for reading printed dates. Data, so that a language is added by editing the file.
/// </summary>
internal sealed class MetadataCues
{
    public static MetadataCues Default { get; } = Load();

    private MetadataCues(JsonElement root)
    {
        BylineLabels = Lines(root.GetProperty("bylineLabels"));
        NameJoiners = Lines(root.GetProperty("nameJoiners"));
        NotNames = Lines(root.GetProperty("notNames"));
        NotNameWords = Lines(root.GetProperty("notNameWords"));
        TitleArticles = Lines(root.GetProperty("titleArticles"));
        foreach (var language in root.GetProperty("monthNames").EnumerateObject().Where(language => language.Value.ValueKind == JsonValueKind.Array))
        {
            var month = 0;
            foreach (var names in language.Value.EnumerateArray())
            {
                month++;
                foreach (var name in names.EnumerateArray()) Months.TryAdd(name.GetString()!, month);
            }
        }
    }

    public HashSet<string> BylineLabels { get; }
    public HashSet<string> NameJoiners { get; }
    public HashSet<string> NotNames { get; }
    public HashSet<string> NotNameWords { get; }

    /// <summary>Articles a headline may open with ("the", "a", "le", "der"…), any listed language.</summary>
    public HashSet<string> TitleArticles { get; }

    /// <summary>Month name or abbreviation (any listed language, case folded) → 1–12.</summary>
    public Dictionary<string, int> Months { get; } = new(StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> Lines(JsonElement byLanguage) =>
        byLanguage.EnumerateObject().Where(language => language.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(language => language.Value.EnumerateArray().Select(item => item.GetString()!)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static MetadataCues Load()
    {
        using var stream = typeof(MetadataCues).Assembly.GetManifestResourceStream("Monitoring.Ingest.Extraction.Data.page-metadata.json")
            ?? throw new InvalidOperationException("The embedded page-metadata.json is missing from Monitoring.Ingest.");
        using var json = JsonDocument.Parse(stream);
        return new MetadataCues(json.RootElement);
    }
}
