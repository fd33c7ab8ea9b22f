namespace Monitoring.Classify.Coding;

/// <summary>
/// Phrases whose words name no event although one of them is a trigger (<c>not-triggers</c> in <c>cues-LANG.txt</c>):
/// Spanish "sin embargo" (however) is no embargo, Mexican "rindió protesta" (was sworn in) no protest.
/// </summary>
internal static class NotTriggers
{
    /// <summary>Whether such a phrase starts at token <paramref name="i"/>; if so its tokens are marked covered.</summary>
    public static bool Skip(Sentence sentence, int i, bool[] covered)
    {
        var phrases = sentence.Cues.NotTriggerPhrases;
        if (phrases.Count == 0) return false;
        var word = sentence.Language.Shapes.Normalize(sentence.Tokens[i].Lower);
        if (!phrases.TryGetValue(word, out var startingHere)) return false;
        foreach (var words in startingHere)
        {
            if (i + words.Length > sentence.Tokens.Count) continue;
            var matches = true;
            for (var k = 1; k < words.Length && matches; k++) matches = sentence.ShapeMatches(i + k, words[k]);
            if (!matches) continue;
            for (var k = i; k < i + words.Length; k++) covered[k] = true;
            return true;
        }

        return false;
    }
}
