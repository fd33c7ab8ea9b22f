namespace Monitoring.Classify.Coding;

/// <summary>
/// Who did the event an Arabic event noun names. Arabic puts the doer after the noun, as an adjective or after a verb of
/// carrying out ("ضربة جوية أميركية", an American air strike; "هجوم شنه مسلحون", an attack gunmen launched), and a noun
/// of death names its victims, never its doer ("مقتل خمسة جنود"): the one who caused the deaths is the doer of the
/// event that led to them ("ضربة … أدت إلى مقتل", a strike … led to the death of). The cue sets (<c>victim-nouns</c>,
/// <c>result-words</c>, <c>doer-verbs</c>, <c>options doer-after-noun</c>) are the language's.
/// </summary>
internal static class NounDoers
{
    /// <summary>Nouns of violence (18–20): a protest's adjectives say what it is for, not who protests.</summary>
    public static bool Applies(Sentence sentence, Trigger verb) =>
        verb.IsNoun && verb.Lexicon?.Code is ['1', '8' or '9', ..] or ['2', '0', ..] && sentence.Cues.Set("options").Contains("doer-after-noun");

    /// <summary>The doer of the noun <paramref name="noun"/>: <paramref name="subject"/> as found before it, unless the noun says otherwise.</summary>
    public static List<ActorMention>? Doer(Sentence sentence, Trigger noun, List<ActorMention>? subject, List<ActorMention>? previousSubject) =>
        Doer(sentence, noun.First, noun.End, subject, previousSubject);

    /// <summary>The doer of the event noun at tokens <paramref name="first"/> to <paramref name="end"/>.</summary>
    public static List<ActorMention>? Doer(Sentence sentence, int first, int end, List<ActorMention>? subject, List<ActorMention>? previousSubject)
    {
        var cues = sentence.Cues;
        var shapes = sentence.Language.Shapes;
        var w = sentence.Tokens;
        var noun = (First: first, End: end);
        if (sentence.ShapeIn(noun.First, cues.Set("victim-nouns")))
        {
            var results = cues.Set("result-words");
            for (var k = noun.First - 1; k >= Math.Max(0, noun.First - 3); k--)
            {
                if (sentence.ShapeIn(k, results)) return previousSubject;
            }

            return null;
        }

        // "مواجهة حزب العمال", confronting the PKK: after a noun of fighting stands the other side.
        if (sentence.ShapeIn(noun.First, cues.MutualWords)) return subject;
        var doerVerbs = cues.Set("doer-verbs");
        var afterDoerVerb = false;
        for (var k = noun.End; k < Math.Min(w.Count, noun.End + 3); k++)
        {
            if (sentence.InActor[k] >= 0)
            {
                var slot = sentence.Slots[sentence.InActor[k]];
                if (ActorGroups.IsPlace(sentence, slot)) return subject;
                var doer = afterDoerVerb || slot.Mentions.TrueForAll(m => m.Sector is null ? IsNisba(shapes.Normalize(m.Text)) : m.Sector is "MIL" or "UAF" or "REB");
                return doer ? [.. slot.Mentions] : subject;
            }

            if (sentence.ShapeIn(k, doerVerbs)) afterDoerVerb = true;
            else if (sentence.ShapeIn(k, cues.ObjectLeaders) || sentence.ShapeIn(k, cues.ClauseBoundaries) || sentence.StartsTrigger(k) || sentence.CommaBefore(k)) return subject;
        }

        return subject;
    }

    /// <summary>A nisba adjective, the demonym ("أميركية", "الإسرائيلي", "عراقيين"): not a country's name.</summary>
    internal static bool IsNisba(string word) =>
        word.EndsWith('ي') || word.EndsWith("يه", StringComparison.Ordinal) || word.EndsWith("يون", StringComparison.Ordinal) || word.EndsWith("يين", StringComparison.Ordinal);
}
