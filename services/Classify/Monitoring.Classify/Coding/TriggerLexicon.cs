using System.Collections.Frozen;

namespace Monitoring.Classify.Coding;

/// <summary>A word or phrase of a trigger lexicon: the root-level code it gives, whether it is a noun, its words.</summary>
public sealed record LexiconEntry(string Code, bool IsNoun, string[] Words)
{
    /// <summary>The dictionary-style verb entry the coder's stages read (no patterns, the entry's own code).</summary>
    internal VerbForm Form { get; } = new(Words, new VerbEntry(string.Join('_', Words).ToUpperInvariant(), Code, true, NoPatterns), IsParticiple(Words[0]), false);

    private static readonly VerbBlock NoPatterns = new("LEXICON", null, null, []);

    private static bool IsParticiple(string word) => word.EndsWith("ed", StringComparison.Ordinal);
}

/// <summary>
/// A language's trigger lexicon (<c>Data/coding/triggers-LANG.txt</c>): the words that name an event ("urged",
/// "protesters marched", "air strikes"), with the root-level CAMEO code they give where no verb pattern applies.
/// Lines are <c>CODE&lt;TAB&gt;v|n&lt;TAB&gt;forms</c>; a form of several words joins them with '_'; a first word ending in
/// '*' is a stem that matches every word it begins ("asesin*": asesinó, asesinaron, asesinado, asesinato). Words are
/// stored as the language's <see cref="WordShapes"/> normalise them (Arabic: without diacritics, one alef).
/// </summary>
public sealed class TriggerLexicon
{
    private const int MinStem = 3;

    private static readonly List<LexiconEntry> None = [];

    private readonly Dictionary<string, List<LexiconEntry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LexiconEntry>> _byStem = new(StringComparer.Ordinal);

    // Read-only once parsed, and probed for every word of every sentence: frozen for the fastest lookup.
    private FrozenDictionary<string, List<LexiconEntry>> _byWord = FrozenDictionary<string, List<LexiconEntry>>.Empty;
    private WordFilter _words = new([]);
    private int _longestStem;

    // What a stem can be: its first MinStem letters, its length. Most words begin no stem, and then no length is probed.
    private WordFilter _stemStarts = new([]);
    private bool[] _stemLengths = [];

    public static TriggerLexicon Empty { get; } = new();

    public int Count { get; private set; }

    public static TriggerLexicon Load(string path, WordShapes shapes) => Parse(File.ReadLines(path), path, shapes);

    public static TriggerLexicon Parse(IEnumerable<string> lines, string source, WordShapes shapes, Action<LexiconEntry, int>? added = null)
    {
        var lexicon = new TriggerLexicon();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0].Length < 2 || !fields[0].All(char.IsAsciiDigit) || fields[1] is not ("v" or "n"))
            {
                throw new InvalidDataException($"{source}:{lineNumber}: expected CODE<TAB>v|n<TAB>forms, got '{line}'.");
            }

            foreach (var form in fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var words = form.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(shapes.Normalize).ToArray();
                var entry = new LexiconEntry(fields[0], fields[1] == "n", words);
                lexicon.Add(entry);
                added?.Invoke(entry, lineNumber - 1);
            }
        }

        foreach (var index in (Dictionary<string, List<LexiconEntry>>[])[lexicon._byFirstWord, lexicon._byStem])
        {
            foreach (var key in index.Keys.ToList()) index[key] = [.. index[key].OrderByDescending(e => e.Words.Length)];
        }

        lexicon._byWord = lexicon._byFirstWord.ToFrozenDictionary(StringComparer.Ordinal);
        lexicon._words = new WordFilter(lexicon._byWord.Keys);
        lexicon._stemStarts = new WordFilter(lexicon._byStem.Keys.Select(stem => stem[..MinStem]));
        lexicon._stemLengths = new bool[lexicon._longestStem + 1];
        foreach (var stem in lexicon._byStem.Keys) lexicon._stemLengths[stem.Length] = true;

        return lexicon;
    }

    /// <summary>
    /// Every entry whose first word is <paramref name="word"/> (normalised), longest first; else the entries of the
    /// longest stem that begins it.
    /// </summary>
    public List<LexiconEntry> StartingWith(string word)
    {
        var exact = _words.MayContain(word) && _byWord.TryGetValue(word, out var entries) ? entries : null;
        if (_byStem.Count == 0 || word.Length < MinStem || !_stemStarts.MayContain(word.AsSpan(0, MinStem))) return exact ?? None;
        var lookup = _byStem.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(word.Length, _longestStem); length >= MinStem; length--)
        {
            if (_stemLengths[length] && lookup.TryGetValue(word.AsSpan(0, length), out var stemmed)) return exact is null ? stemmed : [.. exact, .. stemmed];
        }

        return exact ?? None;
    }

    /// <summary>Whether <see cref="StartingWith"/> may give entries for this word: false means it gives none.</summary>
    internal bool MayStartWith(ReadOnlySpan<char> word) =>
        _words.MayContain(word) || (_byStem.Count > 0 && word.Length >= MinStem && _stemStarts.MayContain(word[..MinStem]));

    /// <summary>What <see cref="StartingWith"/> gives a word no entry starts with.</summary>
    internal static List<LexiconEntry> NoEntries => None;

    /// <summary>The first one-word noun entry, among those <paramref name="filter"/> accepts, that one of a word's shapes (in order) matches.</summary>
    public LexiconEntry? SingleNoun(ShapeCandidates shapes, Func<LexiconEntry, bool> filter)
    {
        foreach (var shape in shapes)
        {
            if (SingleNoun(StartingWith(shape), shape, filter) is { } entry) return entry;
        }

        return null;
    }

    /// <summary>The first one-word noun entry among <paramref name="entries"/> (those starting with <paramref name="shape"/>) that matches it and that <paramref name="filter"/> accepts.</summary>
    internal static LexiconEntry? SingleNoun(List<LexiconEntry> entries, string shape, Func<LexiconEntry, bool> filter)
    {
        foreach (var entry in entries)
        {
            if (entry.IsNoun && entry.Words.Length == 1 && Matches(entry.Words[0], shape) && filter(entry)) return entry;
        }

        return null;
    }

    /// <summary>Whether the word <paramref name="word"/> matches the entry word <paramref name="form"/> (a stem ends in '*').</summary>
    public static bool Matches(string form, string word) =>
        form.EndsWith('*') ? word.Length >= form.Length - 1 && word.StartsWith(form.AsSpan(0, form.Length - 1), StringComparison.Ordinal) : form == word;

    private void Add(LexiconEntry entry)
    {
        var head = entry.Words[0];
        var index = _byFirstWord;
        if (head.EndsWith('*') && head.Length > MinStem)
        {
            head = head[..^1];
            index = _byStem;
            _longestStem = Math.Max(_longestStem, head.Length);
        }

        if (!index.TryGetValue(head, out var list)) index[head] = list = [];
        var same = list.FindIndex(e => e.IsNoun == entry.IsNoun && e.Words.AsSpan().SequenceEqual(entry.Words));
        if (same >= 0) list[same] = entry;
        else list.Add(entry);
        Count++;
    }
}
