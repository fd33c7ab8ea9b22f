using System.Collections.Frozen;

namespace Monitoring.Classify.Coding;

/// <summary>
/// A verb pattern of a CAMEO block: words that must follow the verb, in order, and the codes they give; when
/// <see cref="Verbs"/> is set, only for those verbs of the block (the ones the pattern was written for).
/// </summary>
public sealed record VerbPattern(string? Code, string? PassiveCode, HashSet<string>[] Words, string Text, IReadOnlySet<string>? Verbs = null)
{
    public bool AppliesTo(VerbEntry verb) => Verbs is null || Verbs.Contains(verb.Lemma);

    /// <summary>For each word of the pattern its one spelling, or null for a synset: most words have one, compared without a hash.</summary>
    internal string?[] SingleWords { get; } = Array.ConvertAll(Words, static set => set.Count == 1 ? set.First() : null);
}

/// <summary>A CAMEO verb block: its verbs share the default code and the patterns.</summary>
public sealed record VerbBlock(string Name, string? Code, string? PassiveCode, List<VerbPattern> Patterns)
{
    private static readonly List<VerbPattern> None = [];

    private Dictionary<string, List<VerbPattern>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord =
        new Dictionary<string, List<VerbPattern>>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the block has patterns at all (most verbs' blocks have none).</summary>
    internal bool HasPatterns { get; private set; }

    // Bit n: a pattern of this block starts with word n of AnyBlock.
    private ulong[] _startsWith = [];

    /// <summary>The first words of every block's patterns in the dictionary: a word in none needs no block's lookup.</summary>
    internal PatternWords AnyBlock { get; private set; } = PatternWords.None;

    /// <summary>Whether a pattern of this block starts with the word numbered <paramref name="id"/> in <see cref="AnyBlock"/>.</summary>
    internal bool StartsPatterns(int id) => id >= 0 && (id >> 6) < _startsWith.Length && (_startsWith[id >> 6] & (1UL << id)) != 0;

    /// <summary>The patterns whose first word is this word (singular as in the dictionary), longest first.</summary>
    public List<VerbPattern> PatternsStartingWith(ReadOnlySpan<char> word) =>
        _byFirstWord.TryGetValue(word, out var patterns) ? patterns : None;

    internal void Index(PatternWords anyBlock)
    {
        AnyBlock = anyBlock;
        var index = new Dictionary<string, List<VerbPattern>>(StringComparer.Ordinal);
        foreach (var pattern in Patterns)
        {
            foreach (var word in pattern.Words.Length > 0 ? pattern.Words[0] : [])
            {
                if (!index.TryGetValue(word, out var list)) index[word] = list = [];
                list.Add(pattern);
            }
        }

        // Longest first (stable, so among patterns of one length the file's order stays): the first that matches is the one chosen.
        foreach (var key in index.Keys.ToList()) index[key] = [.. index[key].OrderByDescending(p => p.Words.Length)];
        _byFirstWord = index.GetAlternateLookup<ReadOnlySpan<char>>();
        HasPatterns = index.Count > 0;
        _startsWith = new ulong[(anyBlock.Count + 63) / 64];
        foreach (var word in index.Keys)
        {
            if (anyBlock.Id(word) is var id and >= 0) _startsWith[id >> 6] |= 1UL << id;
        }
    }
}

/// <summary>One verb of a block; <see cref="Code"/> overrides the block's default code when set.</summary>
public sealed record VerbEntry(string Lemma, string? Code, bool HasOwnCode, VerbBlock Block);

/// <summary>A surface form of a verb ("met", "met with", "cordoned off") as lower-case words.</summary>
public sealed record VerbForm(string[] Words, VerbEntry Entry, bool IsParticiple, bool IsGerund);

/// <summary>
/// The CAMEO verb patterns (<c>Data/cameo-verbs.txt</c>, converted from PETRARCH-2 by <c>build-cameo-verbs.py</c>),
/// indexed by the first word of every form so a lookup per token is one hash probe.
/// </summary>
public sealed class CameoVerbDictionary
{
    private readonly Dictionary<string, List<VerbForm>> _byFirstWord = new(StringComparer.Ordinal);

    // Read-only once loaded, and probed for every token of every sentence: frozen for the fastest lookup.
    private FrozenDictionary<string, List<VerbForm>> _forms = FrozenDictionary<string, List<VerbForm>>.Empty;
    private WordFilter _firstWords = new([]);
    private readonly Dictionary<string, VerbBlock> _blocks = new(StringComparer.Ordinal);

    public int VerbCount { get; private set; }

    public int PatternCount { get; private set; }

    public static CameoVerbDictionary Load(params string[] paths)
    {
        var dictionary = new CameoVerbDictionary();
        foreach (var path in paths) dictionary.Add(File.ReadLines(path), path);
        return dictionary;
    }

    public static CameoVerbDictionary Parse(string text) => new CameoVerbDictionary().Add(text.Split('\n'), "text");

    /// <summary>Every form starting with this lower-case word, longest first.</summary>
    public List<VerbForm> FormsStartingWith(string word) =>
        _firstWords.MayContain(word) && _forms.TryGetValue(word, out var forms) ? forms : NoForms;

    // A List, not an interface, so a lookup per token enumerates without boxing. Never written to.
    private static readonly List<VerbForm> NoForms = [];

    private CameoVerbDictionary Add(IEnumerable<string> lines, string source)
    {
        var synsets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var british = new List<VerbForm>();
        VerbBlock? block = null;
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "synset" when fields.Length == 3:
                    synsets[fields[1]] = fields[2].Split('|').Select(w => w.Replace('_', ' ')).ToHashSet(StringComparer.Ordinal);
                    break;
                case "block" when fields.Length == 3:
                    // A block named again (in a later file) gains the verbs and patterns that follow.
                    if (!_blocks.TryGetValue(fields[1], out block))
                    {
                        var (code, passive) = ParseCode(fields[2]);
                        _blocks[fields[1]] = block = new VerbBlock(fields[1], code, passive, []);
                    }

                    break;
                case "verb" when fields.Length == 4 && block is not null:
                    var own = fields[2].Length > 0;
                    var entry = new VerbEntry(fields[1], own ? ParseCode(fields[2]).Code : block.Code, own, block);
                    VerbCount++;
                    foreach (var form in fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var words = form.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();
                        var head = words[0];
                        var lemmaHead = entry.Lemma.Split('_')[0];
                        var participle = head.EndsWith("ed", StringComparison.Ordinal)
                            || (!head.Equals(lemmaHead, StringComparison.OrdinalIgnoreCase) && !head.EndsWith('s') && !head.EndsWith("ing", StringComparison.Ordinal));
                        var gerund = head.EndsWith("ing", StringComparison.Ordinal) && !entry.Lemma.EndsWith("ING", StringComparison.Ordinal);
                        AddForm(new VerbForm(words, entry, participle, gerund));
                        if (BritishSpelling(head, lemmaHead.ToLowerInvariant()) is { } variant) british.Add(new VerbForm([variant, .. words[1..]], entry, participle, gerund));
                    }

                    break;
                case "pattern" when fields.Length is 4 or 5 && block is not null:
                    block.Patterns.Add(new VerbPattern(
                        fields[1] is "-" ? null : fields[1] is "---" ? "---" : fields[1],
                        fields[2] is "-" or "---" ? null : fields[2],
                        fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                            .SelectMany(w => w.StartsWith('&') ? [w] : w.Split('-', '_', StringSplitOptions.RemoveEmptyEntries))
                            .Select(w => w.StartsWith('&')
                                ? (synsets.TryGetValue(w.ToUpperInvariant(), out var set) ? set : new HashSet<string>(StringComparer.Ordinal))
                                : new HashSet<string>(StringComparer.Ordinal) { w.ToLowerInvariant() })
                            .ToArray(),
                        fields[3].ToLowerInvariant(),
                        fields.Length == 5 ? fields[4].Split(',').ToHashSet(StringComparer.Ordinal) : null));
                    PatternCount++;
                    break;
                default:
                    throw new InvalidDataException($"{source}:{lineNumber}: cannot read '{line}'.");
            }
        }

        // British spellings ("criticised", "travelled") unless the dictionary lists the form itself.
        foreach (var form in british.Where(f => !(_byFirstWord.GetValueOrDefault(f.Words[0]) ?? NoForms).Exists(g => g.Words.AsSpan().SequenceEqual(f.Words)))) AddForm(form);
        foreach (var key in _byFirstWord.Keys.ToList()) _byFirstWord[key] = _byFirstWord[key].OrderByDescending(f => f.Words.Length).ToList();
        _forms = _byFirstWord.ToFrozenDictionary(StringComparer.Ordinal);
        _firstWords = new WordFilter(_forms.Keys);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in _blocks.Values)
        {
            foreach (var pattern in b.Patterns) firstWords.UnionWith(pattern.Words.Length > 0 ? pattern.Words[0] : []);
        }

        var anyBlock = new PatternWords(firstWords);
        foreach (var b in _blocks.Values) b.Index(anyBlock);
        return this;
    }

    private void AddForm(VerbForm form)
    {
        if (!_byFirstWord.TryGetValue(form.Words[0], out var list)) _byFirstWord[form.Words[0]] = list = [];

        // The same form listed again (our additions after PETRARCH's) replaces the earlier one.
        var existing = list.FindIndex(f => f.Words.AsSpan().SequenceEqual(form.Words));
        if (existing >= 0) list[existing] = form;
        else list.Add(form);
    }

    /// <summary>"criticize" → "criticise", "traveled" → "travelled" (a final -el/-al after a consonant doubles its l).</summary>
    private static string? BritishSpelling(string head, string lemma)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ize", "ized", "izes", "izing"])
        {
            if (head.Length > suffix.Length + 2 && head.EndsWith(suffix, StringComparison.Ordinal)) return string.Concat(head.AsSpan(0, head.Length - suffix.Length), "is", suffix.AsSpan(2));
        }

        var doubles = lemma.Length > 3 && lemma[^1] == 'l' && lemma[^2] is 'e' or 'a' && !"aeiou".Contains(lemma[^3], StringComparison.Ordinal);
        if (doubles && head.Length > lemma.Length && head.StartsWith(lemma, StringComparison.Ordinal) && head[lemma.Length..] is "ed" or "ing")
        {
            return string.Concat(lemma, "l", head.AsSpan(lemma.Length));
        }

        return null;
    }

    /// <summary>"042:043" is the active and the passive code; "---" or nothing is no event.</summary>
    private static (string? Code, string? Passive) ParseCode(string text)
    {
        var parts = text.Split(':');
        static string? Clean(string s) => s.Trim() is { Length: > 0 } c && c != "---" ? c : null;
        return (Clean(parts[0]), parts.Length > 1 ? Clean(parts[1]) : null);
    }
}
