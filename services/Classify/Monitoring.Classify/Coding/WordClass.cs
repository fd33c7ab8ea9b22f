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
}

internal static class WordClasses
{
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
        _ => throw new ArgumentOutOfRangeException(nameof(wordClass)),
    };
}
