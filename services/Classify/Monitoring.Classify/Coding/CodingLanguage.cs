namespace Monitoring.Classify.Coding;

/// <summary>
/// What the coder knows of one language, from <c>Data/coding/</c>: its cue words (<c>cues-LANG.txt</c>), role
/// words and trigger lexicon (<c>triggers-LANG.txt</c>). English also has the CAMEO verb dictionary.
/// </summary>
public sealed class CodingLanguage(string code, CueWords cues, TriggerLexicon triggers, LexiconActorFinder? actors = null)
{
    public string Code { get; } = code;
    public CueWords Cues { get; } = cues;
    public TriggerLexicon Triggers { get; } = triggers;

    /// <summary>The coder's own actor words for the language (<c>actors-LANG.txt</c>), added to the actor layer's.</summary>
    public LexiconActorFinder Actors { get; } = actors ?? LexiconActorFinder.Empty;
    public WordShapes Shapes { get; } = WordShapes.For(code);

    /// <summary>The gazetteer's country codes (ISO 3166-1 alpha-3): a code not among them is a group, religion or organisation.</summary>
    public IReadOnlySet<string> Countries { get; init; } = new HashSet<string>();

    /// <summary>Whether the CAMEO verb dictionary (English) reads this language.</summary>
    public bool HasVerbDictionary => Code == CodingLanguages.English;

    /// <summary>Role words and their CAMEO sectors ("police" COP).</summary>
    public Dictionary<string, string> RoleWords { get; } = cues.Map("role-words");

    /// <summary>Words that may stand between an actor and its role word ("riot" in "Chinese riot police").</summary>
    public HashSet<string> RoleModifiers { get; } = cues.Set("role-modifiers");

    /// <summary>The word classes of every cue word at once (<see cref="WordClasses.Bits"/>), for <see cref="Sentence.Is"/>.</summary>
    internal System.Collections.Frozen.FrozenDictionary<string, uint>? WordClassBits { get; } = WordClasses.Bits(cues);
}

/// <summary>The languages the coder reads, by ISO 639-1 code; texts in any other language are read as English.</summary>
public sealed class CodingLanguages
{
    public const string English = "en";

    private readonly Dictionary<string, CodingLanguage> _languages;

    private CodingLanguages(Dictionary<string, CodingLanguage> languages)
    {
        if (!languages.ContainsKey(English)) throw new InvalidDataException("the coder needs English cue words (cues-en.txt)");
        _languages = languages;
    }

    public IReadOnlyCollection<string> Codes => _languages.Keys;

    /// <summary>
    /// Every <c>cues-LANG.txt</c> of the folder with its <c>triggers-LANG.txt</c>, <c>actors-LANG.txt</c> and
    /// <c>places-LANG.txt</c>; for a
    /// language in Arabic script also the gazetteer's (<paramref name="gazetteerPath"/>, default <c>../countries.json</c>)
    /// country names in that script, so that they match with clitics ("بالعراق").
    /// </summary>
    public static CodingLanguages Load(string folder, string? gazetteerPath = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no coding data folder");
        gazetteerPath ??= Path.Combine(folder, "..", "countries.json");
        var languages = new Dictionary<string, CodingLanguage>(StringComparer.Ordinal);
        var countries = File.Exists(gazetteerPath) ? CountryCodes(gazetteerPath) : [];
        foreach (var path in Directory.EnumerateFiles(folder, "cues-*.txt"))
        {
            var code = Path.GetFileNameWithoutExtension(path)["cues-".Length..];
            var shapes = WordShapes.For(code);
            var triggers = Path.Combine(folder, $"triggers-{code}.txt");
            var names = code == "ar" && File.Exists(gazetteerPath) ? ArabicScriptNames(gazetteerPath) : [];
            languages[code] = new CodingLanguage(
                code,
                CueWords.Load(path, shapes),
                File.Exists(triggers) ? TriggerLexicon.Load(triggers, shapes) : TriggerLexicon.Empty,
                LexiconActorFinder.Load(Path.Combine(folder, $"actors-{code}.txt"), shapes, names, Path.Combine(folder, $"places-{code}.txt")))
            {
                Countries = countries,
            };
        }

        return new CodingLanguages(languages);
    }

    private static HashSet<string> CountryCodes(string gazetteerPath)
    {
        using var stream = File.OpenRead(gazetteerPath);
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        return [.. document.RootElement.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)];
    }

    private static List<(string Code, string Form)> ArabicScriptNames(string gazetteerPath)
    {
        using var stream = File.OpenRead(gazetteerPath);
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        var names = new List<(string, string)>();
        foreach (var country in document.RootElement.GetProperty("countries").EnumerateArray())
        {
            var code = country.GetProperty("code").GetString()!;
            foreach (var form in country.GetProperty("forms").EnumerateArray())
            {
                var text = form.GetString()!;
                if (text.Length > 2 && text.All(c => c == ' ' || c is >= '\u0600' and <= '\u06FF')) names.Add((code, text));
            }
        }

        return names;
    }

    /// <summary>"es", "es-CO", "ES" → Spanish; null, unknown → English.</summary>
    public CodingLanguage For(string? language)
    {
        if (language is { Length: >= 2 } && _languages.TryGetValue(language[..2].ToLowerInvariant(), out var found)) return found;
        return _languages[English];
    }
}
