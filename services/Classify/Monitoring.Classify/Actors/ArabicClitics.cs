namespace Monitoring.Classify.Actors;

/// <summary>
/// Arabic writes the conjunctions and prepositions wa- "and", fa- "so", bi- "in/by", li- "for" and ka- "like" as part
/// of the next word: "وروسيا" is "and Russia", "للصين" is "for China" (li- + al- contracts to lil-). Each Arabic name
/// gets these forms, so a per-token dictionary still finds the name.
/// </summary>
public static class ArabicClitics
{
    private static readonly string[] Prefixes = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"];

    public static IEnumerable<string> WithClitics(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            yield return name;
            if (name.Length < 2 || !IsArabic(name[0])) continue;
            foreach (var prefix in Prefixes)
            {
                // li- before the article al- drops its alif: ل + الصين = للصين.
                yield return prefix.EndsWith('ل') && name.StartsWith("ال", StringComparison.Ordinal) ? prefix + name[1..] : prefix + name;
            }
        }
    }

    private static bool IsArabic(char c) => c is >= '\u0620' and <= '\u064A';
}
