namespace Monitoring.Classify.Coding;

/// <summary>
/// What the coder knows of one language, from <c>Data/coding/</c>: its cue words (<c>cues-LANG.txt</c>), role
/// words and trigger lexicon (<c>triggers-LANG.txt</c>). English also has the CAMEO verb dictionary.
/// </summary>
public sealed class CodingLanguage(string code, CueWords cues, TriggerLexicon triggers)
{
    public string Code { get; } = code;
    public CueWords Cues { get; } = cues;
    public TriggerLexicon Triggers { get; } = triggers;
    public WordShapes Shapes { get; } = WordShapes.For(code);

    /// <summary>Whether the CAMEO verb dictionary (English) reads this language.</summary>
    public bool HasVerbDictionary => Code == CodingLanguages.English;

    /// <summary>Role words and their CAMEO sectors ("police" COP).</summary>
    public Dictionary<string, string> RoleWords { get; } = cues.Map("role-words");

    /// <summary>Words that may stand between an actor and its role word ("riot" in "Chinese riot police").</summary>
    public HashSet<string> RoleModifiers { get; } = cues.Set("role-modifiers");
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

    /// <summary>Every <c>cues-LANG.txt</c> of the folder.</summary>
    public static CodingLanguages Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no coding data folder");
        var languages = new Dictionary<string, CodingLanguage>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "cues-*.txt"))
        {
            var code = Path.GetFileNameWithoutExtension(path)["cues-".Length..];
            var triggers = Path.Combine(folder, $"triggers-{code}.txt");
            languages[code] = new CodingLanguage(code, CueWords.Load(path), File.Exists(triggers) ? TriggerLexicon.Load(triggers, WordShapes.For(code)) : TriggerLexicon.Empty);
        }

        return new CodingLanguages(languages);
    }

    /// <summary>"es", "es-CO", "ES" → Spanish; null, unknown → English.</summary>
    public CodingLanguage For(string? language)
    {
        if (language is { Length: >= 2 } && _languages.TryGetValue(language[..2].ToLowerInvariant(), out var found)) return found;
        return _languages[English];
    }
}
