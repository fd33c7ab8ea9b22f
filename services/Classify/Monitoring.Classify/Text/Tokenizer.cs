using System.Globalization;

namespace Monitoring.Classify.Text;

/// <summary>
/// Splits text into words on anything that is not a letter, digit or an inner apostrophe or period
/// ("U.S."). Han, kana and Hangul characters are one token each, since those scripts do not separate
/// words with spaces: a phrase such as "中国" is then simply a two-token phrase.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsIdeographic(c))
            {
                tokens.Add(new Token(c.ToString(), i, 1, Capitalized: true));
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;

            // French and Italian elision: "l'Algérie" is "l'" and "Algérie", so the name is found as a word.
            if (i + 2 < text.Length && text[i + 1] is '\'' or '’' && char.IsLetter(text[i + 2]) && IsElided(text, i))
            {
                tokens.Add(new Token(text.Substring(i, 1).ToLower(CultureInfo.InvariantCulture), i, 1, Capitalized: char.IsUpper(c)));
                i += 2;
                continue;
            }

            while (i < text.Length && (IsWordChar(text[i]) || (IsInnerPunctuation(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            // "U.S." keeps its final period; a sentence's final period does not belong to the word.
            if (i < text.Length && text[i] == '.' && i - start >= 3 && text[i - 2] == '.') i++;

            // "China's" is "China" for every dictionary: the possessive is not part of the name.
            var end = i;
            if (end - start > 2 && (text[end - 1] is 's' or 'S') && text[end - 2] is '\'' or '’') end -= 2;

            var word = text.AsSpan(start, end - start);
            tokens.Add(new Token(Lower(word), start, end - start, Capitalized: !char.IsLower(c)));
        }

        return tokens;
    }

    // Lower-cased in a stack buffer, then one string: a capitalised word was two strings (the word, then its lower case).
    private static string Lower(ReadOnlySpan<char> word)
    {
        if (word.Length > 256) return word.ToString().ToLowerInvariant();
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return new string(lower);
    }

    // A one-letter article or pronoun before an apostrophe, at the start of a word: l', d', j', n', s', c', m', t'.
    private static bool IsElided(string text, int i) =>
        text[i] is 'l' or 'L' or 'd' or 'D' or 'j' or 'J' or 'n' or 'N' or 's' or 'S' or 'c' or 'C' or 'm' or 'M' or 't' or 'T'
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));

    private static bool IsWordChar(char c) => (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) && !IsIdeographic(c);

    private static bool IsInnerPunctuation(char c) => c is '\'' or '’' or '.';

    private static bool IsIdeographic(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
