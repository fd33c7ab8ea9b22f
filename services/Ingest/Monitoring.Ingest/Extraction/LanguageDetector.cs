using System.Globalization;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Cheap language identification: the dominant script decides Russian, Chinese, Arabic, Japanese and Korean;
/// among Latin-script languages the most frequent function words decide. Returns ISO 639-1, or "und".
/// </summary>
public static class LanguageDetector
{
    public const string Undetermined = "und";

    private static readonly Dictionary<string, HashSet<string>> StopWords = new()
    {
        ["en"] = ["the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "said", "have", "by", "are", "it", "from"],
        ["fr"] = ["le", "la", "les", "des", "et", "est", "une", "dans", "du", "que", "pour", "qui", "pas", "sur", "au", "avec", "il"],
        ["de"] = ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "den", "von", "zu", "sich", "des", "auf", "für", "im"],
        ["es"] = ["el", "la", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para", "es", "se", "su", "al", "como"],
        ["it"] = ["il", "che", "di", "della", "non", "sono", "una", "per", "con", "gli", "del", "nel", "alla", "è"],
        ["pt"] = ["o", "os", "que", "não", "uma", "com", "para", "do", "da", "dos", "em", "no", "na", "foi"],
    };

    public static string Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Undetermined;
        var sample = text.Length > 20_000 ? text[..20_000] : text;

        int latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0, arabic = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c)) continue;
            switch (c)
            {
                case <= '\u024F': latin++; break;
                case >= '\u0400' and <= '\u04FF': cyrillic++; break;
                case >= '\u0600' and <= '\u06FF': arabic++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
            }
        }

        var letters = latin + cyrillic + han + kana + hangul + arabic;
        if (letters == 0) return Undetermined;
        if (kana > letters / 10) return "ja";
        if (hangul * 2 > letters) return "ko";
        if (han * 2 > letters) return "zh";
        if (cyrillic * 2 > letters) return "ru";
        if (arabic * 2 > letters) return "ar";
        return latin * 2 > letters ? DetectLatin(sample) : Undetermined;
    }

    private static string DetectLatin(string text)
    {
        var scores = StopWords.Keys.ToDictionary(language => language, _ => 0);
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.ToLower(CultureInfo.InvariantCulture);
            foreach (var (language, words) in StopWords)
            {
                if (words.Contains(lower)) scores[language]++;
            }
        }

        var best = scores.MaxBy(pair => pair.Value);
        return best.Value >= 2 ? best.Key : Undetermined;
    }

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')', '«', '»', '“', '”', '’'];
}
