using System.Buffers;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Cheap language identification: the dominant script decides Chinese, Japanese, Korean, Arabic, Greek, Hebrew,
/// Hindi and Thai, letters peculiar to one language split Cyrillic (Russian, Ukrainian, Serbian) and Arabic script
/// (Arabic, Persian, Urdu); among Latin-script languages the most frequent function words decide. Returns ISO 639-1, or "und".
/// </summary>
public static class LanguageDetector
{
    public const string Undetermined = "und";

    private static readonly Dictionary<string, HashSet<string>> StopWords = new()
    {
        ["en"] = ["the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "said", "have", "by", "are", "it", "from"],
        ["fr"] = ["le", "la", "les", "de", "des", "et", "est", "une", "dans", "du", "que", "pour", "qui", "pas", "sur", "au", "avec", "il"],
        ["de"] = ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "den", "von", "zu", "sich", "des", "auf", "für", "im"],
        ["es"] = ["el", "la", "de", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para", "es", "se", "su", "al", "como"],
        ["it"] = ["il", "che", "di", "della", "non", "sono", "una", "per", "con", "gli", "del", "nel", "alla", "è"],
        ["pt"] = ["o", "os", "que", "não", "uma", "com", "para", "do", "da", "dos", "em", "no", "na", "foi"],
        ["nl"] = ["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "zijn", "met", "voor", "werd", "ook"],
        ["tr"] = ["ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "olan", "çok", "gibi", "daha", "ama"],
    };

    public static string Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Undetermined;
        var sample = text.Length > 20_000 ? text[..20_000] : text;

        int latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0, arabic = 0, greek = 0, hebrew = 0, devanagari = 0, thai = 0;
        int ukrainian = 0, serbian = 0, persian = 0, urdu = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c)) continue;
            switch (c)
            {
                case <= '\u024F': latin++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0400' and <= '\u04FF':
                    cyrillic++;
                    if (c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ') ukrainian++;
                    else if (c is 'ђ' or 'ћ' or 'џ' or 'љ' or 'њ' or 'ј' or 'Ђ' or 'Ћ' or 'Џ' or 'Љ' or 'Њ' or 'Ј') serbian++;
                    break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF':
                    arabic++;
                    if (c is 'ٹ' or 'ڈ' or 'ڑ' or 'ں' or 'ے' or 'ھ') urdu++;
                    else if (c is 'پ' or 'چ' or 'ژ' or 'گ' or 'ک' or 'ی') persian++;
                    break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF': han++; break;
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF': hangul++; break;
            }
        }

        var letters = latin + cyrillic + han + kana + hangul + arabic + greek + hebrew + devanagari + thai;
        if (letters == 0) return Undetermined;

        // Japanese mixes kana into Han text; a few kana in Chinese text are quoted names, not Japanese.
        if (kana > 0 && kana * 10 > kana + han && (kana + han) * 2 > letters) return "ja";
        if (hangul * 2 > letters) return "ko";
        if (han * 2 > letters) return "zh";
        if (cyrillic * 2 > letters)
        {
            // Letters Russian does not have: і ї є ґ are Ukrainian, ђ ћ џ љ њ ј Serbian (Cyrillic).
            if (ukrainian * 100 > cyrillic) return "uk";
            return serbian * 100 > cyrillic ? "sr" : "ru";
        }

        if (arabic * 2 > letters)
        {
            if (urdu * 100 > arabic) return "ur";
            return persian * 50 > arabic ? "fa" : "ar";
        }

        if (greek * 2 > letters) return "el";
        if (hebrew * 2 > letters) return "he";
        if (devanagari * 2 > letters) return "hi";
        if (thai * 2 > letters) return "th";
        return latin * 2 > letters ? DetectLatin(sample) : Undetermined;
    }

    private static string DetectLatin(string text)
    {
        // Words as spans between separators, lower-cased into a stack buffer and looked up once in the languages per
        // word: no string per word (an article's words were a third of what ingest allocated). A word longer than
        // every function word is none of them. Ties go to the language listed first, as before.
        var scores = new int[Languages.Length];
        var lookup = LanguagesOf.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[LongestStopWord];
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny(SeparatorValues);
            var word = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (word.Length == 0 || word.Length > LongestStopWord) continue;
            word.ToLowerInvariant(lower);
            if (!lookup.TryGetValue(lower[..word.Length], out var languages)) continue;
            foreach (var language in languages) scores[language]++;
        }

        var best = 0;
        for (var language = 1; language < scores.Length; language++)
        {
            if (scores[language] > scores[best]) best = language;
        }

        return scores[best] >= 2 ? Languages[best] : Undetermined;
    }

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')', '«', '»', '“', '”', '’'];
    private static readonly SearchValues<char> SeparatorValues = SearchValues.Create(Separators);
    private static readonly string[] Languages = [.. StopWords.Keys];

    /// <summary>Each function word with the languages (indices into <see cref="Languages"/>) that have it.</summary>
    private static readonly Dictionary<string, int[]> LanguagesOf = StopWords
        .SelectMany(pair => pair.Value.Select(word => (Word: word, Language: Array.IndexOf(Languages, pair.Key))))
        .GroupBy(entry => entry.Word, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Select(entry => entry.Language).Order().ToArray(), StringComparer.Ordinal);

    private static readonly int LongestStopWord = LanguagesOf.Keys.Max(word => word.Length);
}
