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
            tokens.Add(new Token(word.ToString().ToLower(CultureInfo.InvariantCulture), start, end - start, Capitalized: !char.IsLower(c)));
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) && !IsIdeographic(c);

    private static bool IsInnerPunctuation(char c) => c is '\'' or '’' or '.';

    private static bool IsIdeographic(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
