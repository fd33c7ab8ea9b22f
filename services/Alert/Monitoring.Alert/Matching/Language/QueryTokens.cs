namespace Monitoring.Alert.Matching.Language;

/// <summary>The query's words, quoted phrases and parentheses with their positions, for <see cref="QueryParser"/>.</summary>
internal static class QueryTokens
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), i));
                i++;
            }
            else if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0) throw new QuerySyntaxException(text.Length + 1, $"'\"' to close the phrase opened at position {i + 1}", "end of query");
                tokens.Add(new Token(TokenKind.Phrase, text[(i + 1)..close], i));
                i = close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')' and not '"') i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    public enum TokenKind
    {
        Word,
        Phrase,
        Open,
        Close,
        End,
    }

    public readonly record struct Token(TokenKind Kind, string Text, int Position);
}
