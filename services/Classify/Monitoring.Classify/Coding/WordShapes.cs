using System.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// How a language's words are compared with its lexicons. English: as the tokenizer lower-cased them. Spanish: also
/// without accents ("detención" = "detencion", as wire copy often drops them). Arabic: without diacritics and tatweel,
/// with one alef, yeh for alef maqsura and heh for teh marbuta; and a word is also tried without its clitics — the
/// prefixes و ف (and) ب ل ك (prepositions) and the article ال, and the pronoun suffixes (ه ها هم …).
/// </summary>
public sealed partial class WordShapes
{
    private static readonly string[] ArabicPrefixes = ["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س"];
    private static readonly string[] ArabicSuffixes = ["هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه"];

    /// <summary>The Arabic pronoun suffixes that make a noun someone's ("جنوده", his soldiers).</summary>
    public static readonly string[] PossessiveSuffixes = ["هما", "هم", "نا", "ها", "ه"];

    // What the language is, resolved once: the shapes are asked for on every token.
    private readonly bool _english;
    private readonly bool _spanish;
    private readonly bool _accented;

    private WordShapes(string language)
    {
        _english = language == "en";
        _spanish = language == "es";
        _accented = language is "es" or "pt" or "fr" or "it";
        HasClitics = language == "ar";
        Comparer = _accented ? AccentInsensitiveComparer.Instance : StringComparer.Ordinal;
    }

    public static WordShapes For(string language) => new(language);

    public bool HasClitics { get; }

    /// <summary>
    /// How the language's cue words compare with a token: without accents where <see cref="Normalize"/> drops them,
    /// else as written (Arabic cue sets hold each word's normalised shape beside it instead, <see cref="CueWords.Parse"/>).
    /// </summary>
    public IEqualityComparer<string> Comparer { get; }

    /// <summary>The form a lexicon stores and a token is compared in.</summary>
    public string Normalize(string word) =>
        HasClitics ? NormalizeArabic(word)
        : _accented ? WithoutAccents(word.ToLowerInvariant())
        : HasUpper(word) ? word.ToLowerInvariant() : word;

    private static bool HasUpper(string word)
    {
        // Tokens come lower-cased and short: a plain loop, with the ASCII range test for ASCII letters, is the fastest answer.
        foreach (var c in word)
        {
            if (c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c)) return true;
        }

        return false;
    }

    /// <summary>Whether the word looks like a past participle, the verb form of the passive ("attacked", "asesinado").</summary>
    public bool IsParticiple(string lower) =>
        _english ? lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("en", StringComparison.Ordinal)
        : _spanish && SpanishParticiple().IsMatch(Normalize(lower));

    [System.Text.RegularExpressions.GeneratedRegex("(ad|id|uert|ech|biert|uest|rit)(o|a|os|as)$")]
    private static partial System.Text.RegularExpressions.Regex SpanishParticiple();

    /// <summary>
    /// The normalised word and, for a language with clitics, the word without them, longest first. Most words have one
    /// shape, which the result holds without an array: the coder asks for every token's shapes (<see cref="Sentence.Shapes"/>).
    /// </summary>
    public ShapeCandidates Candidates(string lower)
    {
        var word = Normalize(lower);
        if (_english)
        {
            // English plurals: "blockades", "air strikes", "talks" (listed), "casualties"; "re-examined": the verb without its prefix.
            var plural = IsEnglishPlural(word);
            var prefixed = IsEnglishPrefixed(word);
            if (!plural && !prefixed) return new(word);
            var singular = plural ? (word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word[..^1]) : null;
            return new((singular, prefixed) switch
            {
                ({ } one, true) => [word, one, word[3..]],
                ({ } one, false) => [word, one],
                _ => [word, word[3..]],
            });
        }

        if (!HasClitics) return new(word);
        List<string>? candidates = null;
        foreach (var stem in Stems(word))
        {
            if (stem != word) (candidates ??= [word]).Add(stem);
        }

        return candidates is null ? new(word) : new([.. candidates]);
    }

    /// <summary>
    /// How many shapes <see cref="Candidates"/> gives the normalised <paramref name="word"/>, when that is known without
    /// building them (a language without clitics); else -1.
    /// </summary>
    internal int CountWithoutBuilding(string word)
    {
        if (HasClitics) return -1;
        if (!_english) return 1;
        return 1 + (IsEnglishPlural(word) ? 1 : 0) + (IsEnglishPrefixed(word) ? 1 : 0);
    }

    /// <summary>
    /// The second shape <see cref="Candidates"/> gives the normalised English <paramref name="word"/> (its singular, or
    /// the verb without "re-"), as characters: written into <paramref name="buffer"/> where it must be built. False when
    /// there is none or the language builds it otherwise.
    /// </summary>
    internal bool TrySecondShape(string word, Span<char> buffer, out ReadOnlySpan<char> second)
    {
        second = default;
        if (!_english) return false;
        if (IsEnglishPlural(word))
        {
            if (!word.EndsWith("ies", StringComparison.Ordinal))
            {
                second = word.AsSpan(0, word.Length - 1);
                return true;
            }

            if (word.Length - 2 > buffer.Length) return false;
            word.AsSpan(0, word.Length - 3).CopyTo(buffer);
            buffer[word.Length - 3] = 'y';
            second = buffer[..(word.Length - 2)];
            return true;
        }

        if (!IsEnglishPrefixed(word)) return false;
        second = word.AsSpan(3);
        return true;
    }

    private static bool IsEnglishPlural(string word) => word.Length > 4 && word[^1] == 's' && word[^2] != 's';

    private static bool IsEnglishPrefixed(string word) => word.Length > 6 && word.StartsWith("re-", StringComparison.Ordinal);

    private static IEnumerable<string> Stems(string word)
    {
        // Conjunction, then preposition or future marker, then the article: "وبالمتظاهرين" → "متظاهرين".
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };
        var queue = new List<string> { word };
        for (var i = 0; i < queue.Count && i < 12; i++)
        {
            var current = queue[i];
            foreach (var prefix in ArabicPrefixes)
            {
                if (current.Length - prefix.Length >= 3 && current.StartsWith(prefix, StringComparison.Ordinal) && seen.Add(current[prefix.Length..])) queue.Add(current[prefix.Length..]);
            }
        }

        foreach (var stem in queue.OrderByDescending(s => s.Length))
        {
            yield return stem;
            foreach (var suffix in ArabicSuffixes)
            {
                if (stem.Length - suffix.Length >= 3 && stem.EndsWith(suffix, StringComparison.Ordinal)) yield return stem[..^suffix.Length];
            }
        }
    }

    private static string NormalizeArabic(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640':
                    continue; // diacritics, superscript alef, tatweel
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    builder.Append('ا');
                    break;
                case 'ى':
                    builder.Append('ي');
                    break;
                case 'ة':
                    builder.Append('ه');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string WithoutAccents(string word) => AccentInsensitiveComparer.Fold(word);
}

/// <summary>A word's shapes in the order <see cref="WordShapes.Candidates"/> gives them: one word, or several.</summary>
public readonly struct ShapeCandidates
{
    private readonly string? _one;
    private readonly string[]? _several;

    public ShapeCandidates(string one) => _one = one;

    public ShapeCandidates(string[] several) => _several = several;

    public bool IsEmpty => _one is null && _several is null;

    public int Count => _several?.Length ?? (_one is null ? 0 : 1);

    public string this[int i] => _several is { } several ? several[i] : i == 0 && _one is not null ? _one : throw new ArgumentOutOfRangeException(nameof(i));

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Whether one of the shapes is in <paramref name="set"/>.</summary>
    public bool AnyIn(HashSet<string> set)
    {
        for (var i = 0; i < Count; i++)
        {
            if (set.Contains(this[i])) return true;
        }

        return false;
    }

    /// <summary>Whether one of the shapes matches the lexicon word <paramref name="form"/> (<see cref="TriggerLexicon.Matches"/>).</summary>
    public bool AnyMatches(string form)
    {
        for (var i = 0; i < Count; i++)
        {
            if (TriggerLexicon.Matches(form, this[i])) return true;
        }

        return false;
    }

    public struct Enumerator(ShapeCandidates shapes)
    {
        private int _index = -1;

        public readonly string Current => shapes[_index];

        public bool MoveNext() => ++_index < shapes.Count;
    }
}
