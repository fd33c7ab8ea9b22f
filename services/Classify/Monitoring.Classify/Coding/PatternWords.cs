namespace Monitoring.Classify.Coding;

/// <summary>
/// The words any verb pattern of a dictionary starts with. <see cref="CodeChooser"/> probes each word after a verb
/// (and its singulars) in the verb's block; most words start no pattern anywhere, and a sentence asks this once per
/// token (<see cref="Sentence.PatternProbes"/>) instead of once per verb and block.
/// </summary>
internal sealed class PatternWords(HashSet<string> words)
{
    public static PatternWords None { get; } = new([]);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words = words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Which of the probes <see cref="CodeChooser"/> makes for <paramref name="word"/> can find a pattern: bit 1 the word,
    /// bit 2 the word less its "s", bit 4 less its "es".
    /// </summary>
    public int Probes(string word)
    {
        var probes = _words.Contains(word) ? 1 : 0;
        if (word.Length <= 3 || word[^1] != 's') return probes;
        if (_words.Contains(word.AsSpan(0, word.Length - 1))) probes |= 2;
        if (word.Length > 4 && word[^2] == 'e' && _words.Contains(word.AsSpan(0, word.Length - 2))) probes |= 4;
        return probes;
    }
}
