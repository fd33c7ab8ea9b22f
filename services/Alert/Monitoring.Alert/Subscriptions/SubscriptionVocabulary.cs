using System.Text.Json;

namespace Monitoring.Alert.Subscriptions;

/// <summary>A value a subscription term may take, with what it means: a topic and its description, a country and its name.</summary>
public sealed record VocabularyEntry(string Id, string Name, string? Description = null);

/// <summary>
/// Every value a subscription may name: topic ids, country and organisation codes, CAMEO codes, quad classes and
/// languages. The alert service only sees messages, so it learns them from <c>Data/vocabulary.json</c>, which
/// <c>monitor vocabulary</c> writes from the classify service's taxonomy and dictionaries (a test keeps the shipped
/// file equal to what they produce). Terms that name nothing here are refused, with the nearest valid values.
/// </summary>
public sealed class SubscriptionVocabulary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Indented = new(Json)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public IReadOnlyList<VocabularyEntry> Topics { get; init; } = [];
    public IReadOnlyList<VocabularyEntry> Countries { get; init; } = [];
    public IReadOnlyList<VocabularyEntry> Organisations { get; init; } = [];
    public IReadOnlyList<VocabularyEntry> Cameo { get; init; } = [];
    public IReadOnlyList<VocabularyEntry> Quads { get; init; } = [];
    public IReadOnlyList<VocabularyEntry> Languages { get; init; } = [];

    /// <summary>The vocabulary shipped beside the service.</summary>
    public static SubscriptionVocabulary Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SubscriptionVocabulary>(stream, Json) ?? throw new InvalidDataException($"{path}: empty vocabulary");
    }

    public static SubscriptionVocabulary LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "Data", "vocabulary.json"));

    public string ToJson() => JsonSerializer.Serialize(this, Indented);
}
