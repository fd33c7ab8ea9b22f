namespace Monitoring.Classify.Coding;

/// <summary>
/// The words any verb pattern of a dictionary starts with, numbered. <see cref="CodeChooser"/> probes each word after
/// a verb (and its singulars) in the verb's block; a sentence numbers each token's probes once
/// (<see cref="Sentence.PatternProbes"/>), and a block answers whether a number starts one of its patterns with one
/// bit (<see cref="VerbBlock.StartsPatterns"/>), so only real first words reach the block's index.
/// </summary>
internal sealed class PatternWords
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    public PatternWords(IEnumerable<string> words)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words) ids.TryAdd(word, ids.Count);
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PatternWords None { get; } = new([]);

    public int Count => _ids.Dictionary.Count;

    /// <summary>The number of a pattern's first word, or -1.</summary>
    public int Id(ReadOnlySpan<char> word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The numbers of the probes <see cref="CodeChooser"/> makes for <paramref name="word"/>: the word, the word less its "s", less its "es" (-1: no pattern starts so).</summary>
    public (int Whole, int LessS, int LessEs) Probes(string word)
    {
        var whole = Id(word);
        if (word.Length <= 3 || word[^1] != 's') return (whole, -1, -1);
        return (whole, Id(word.AsSpan(0, word.Length - 1)), word.Length > 4 && word[^2] == 'e' && TakesEs(word.AsSpan(0, word.Length - 2)) ? Id(word.AsSpan(0, word.Length - 2)) : -1);
    }

    /// <summary>
    /// Whether a plural "-es" can follow the stem: English adds it only after a sibilant or an "o" ("taxes", "marches",
    /// "heroes"); "refugees" is "refugee" plus "s", never "refuge" plus "es".
    /// </summary>
    public static bool TakesEs(ReadOnlySpan<char> stem) =>
        stem.Length > 0 && (stem[^1] is 's' or 'x' or 'z' or 'o' || stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal));
}
