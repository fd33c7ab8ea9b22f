using System.Collections.Frozen;

namespace Monitoring.Classify.Coding;

/// <summary>
/// The cue sets the clause stages test the same tokens against many times (every verb walks back over its auxiliaries,
/// every candidate verb asks what stands before it): <see cref="Sentence.Is"/> looks a token up once per sentence.
/// </summary>
internal enum WordClass
{
    Auxiliary,
    Negation,
    ClauseBoundary,
    Pronoun,
    IntentWord,
    SubjectNoun,
    NounMarker,
    BeForm,
    RoleWord,
    TimeAnchor,
    Attitude,
    IrrealisModal,
}

internal static class WordClasses
{
    private const int Count = (int)WordClass.IrrealisModal + 1;

    /// <summary>
    /// Every word of the language's class sets with the bits of all its classes (<c>1 &lt;&lt; class</c>), so that a
    /// token is looked up once for all of them; null when the sets do not share one comparer (then each set answers).
    /// </summary>
    public static FrozenDictionary<string, uint>? Bits(CueWords cues)
    {
        IEqualityComparer<string>? comparer = null;
        var words = new List<(IEnumerable<string> Words, uint Bit)>();
        var roles = cues.Map("role-words");
        for (var c = 0; c < Count; c++)
        {
            var (set, setComparer) = (WordClass)c == WordClass.RoleWord
                ? ((IReadOnlyCollection<string>)roles.Keys, roles.Comparer)
                : (Set(cues, (WordClass)c), Set(cues, (WordClass)c).Comparer);
            if (set.Count == 0) continue;
            if (comparer is null) comparer = setComparer;
            else if (!comparer.Equals(setComparer)) return null;
            words.Add((set, 1u << c));
        }

        var bits = new Dictionary<string, uint>(comparer ?? StringComparer.Ordinal);
        foreach (var (set, bit) in words)
        {
            foreach (var word in set) bits[word] = bits.GetValueOrDefault(word) | bit;
        }

        return bits.ToFrozenDictionary(bits.Comparer);
    }

    private static HashSet<string> Set(CueWords cues, WordClass wordClass) => wordClass switch
    {
        WordClass.Auxiliary => cues.Auxiliaries,
        WordClass.Negation => cues.Negations,
        WordClass.ClauseBoundary => cues.ClauseBoundaries,
        WordClass.Pronoun => cues.Pronouns,
        WordClass.IntentWord => cues.IntentWords,
        WordClass.SubjectNoun => cues.SubjectNouns,
        WordClass.NounMarker => cues.NounMarkers,
        WordClass.BeForm => cues.BeForms,
        WordClass.TimeAnchor => cues.Set("time-anchors"),
        WordClass.Attitude => cues.Set("attitude-words"),
        WordClass.IrrealisModal => cues.Set("irrealis-modals"),
        _ => throw new ArgumentOutOfRangeException(nameof(wordClass)),
    };

    public static bool Contains(CodingLanguage language, WordClass wordClass, string word) => wordClass switch
    {
        WordClass.Auxiliary => language.Cues.Auxiliaries.Contains(word),
        WordClass.Negation => language.Cues.Negations.Contains(word),
        WordClass.ClauseBoundary => language.Cues.ClauseBoundaries.Contains(word),
        WordClass.Pronoun => language.Cues.Pronouns.Contains(word),
        WordClass.IntentWord => language.Cues.IntentWords.Contains(word),
        WordClass.SubjectNoun => language.Cues.SubjectNouns.Contains(word),
        WordClass.NounMarker => language.Cues.NounMarkers.Contains(word),
        WordClass.BeForm => language.Cues.BeForms.Contains(word),
        WordClass.RoleWord => language.RoleWords.ContainsKey(word),
        WordClass.TimeAnchor => language.Cues.Set("time-anchors").Contains(word),
        WordClass.Attitude => language.Cues.Set("attitude-words").Contains(word),
        WordClass.IrrealisModal => language.Cues.Set("irrealis-modals").Contains(word),
        _ => throw new ArgumentOutOfRangeException(nameof(wordClass)),
    };
}
