using System.Globalization;
using static Monitoring.Alert.Matching.Language.QueryTokens;

namespace Monitoring.Alert.Matching.Language;

/// <summary>
/// Parses the subscription language:
/// <code>
/// query   := or
/// or      := and ("OR" and)*
/// and     := unary (["AND"] unary)*          adjacent terms are ANDed
/// unary   := "NOT" unary | primary
/// primary := "(" query ")" | field ":" value [">=" number] | near | "phrase" | word
/// field   := topic | country | actor | event | quad | source | lang | shift | is   (shift:CHN-RUS, shift:country:IRN, is:breaking)
/// near    := "near:" (place | "place" | geonameid | lat,lon) ["within:" number "km"]     default 50 km
/// corroborated := "corroborated:" number     ANDed at the top only: alert per event once that many outlets report it
/// </code>
/// Operators are case-insensitive; quote a word to search for "and", "or" or "not" themselves.
/// </summary>
public sealed class QueryParser
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 12;
    public const int MaxTerms = 200;

    public static readonly IReadOnlyDictionary<string, string> QuadNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["verbal-cooperation"] = "1", ["material-cooperation"] = "2", ["verbal-conflict"] = "3", ["material-conflict"] = "4",
        ["1"] = "1", ["2"] = "2", ["3"] = "3", ["4"] = "4",
    };

    private static readonly Dictionary<string, TermField> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["topic"] = TermField.Topic, ["country"] = TermField.Country, ["actor"] = TermField.Actor, ["event"] = TermField.Event,
        ["quad"] = TermField.Quad, ["source"] = TermField.Source, ["lang"] = TermField.Language,
        ["shift"] = TermField.Shift, ["is"] = TermField.Is,
    };

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly TermVocabulary? _vocabulary;
    private readonly bool _allowCorroboration;
    private int _next;
    private int _depth;
    private int _terms;

    private QueryParser(string text, TermVocabulary? vocabulary, bool allowCorroboration)
    {
        _text = text;
        _tokens = QueryTokens.Tokenize(text);
        _vocabulary = vocabulary;
        _allowCorroboration = allowCorroboration;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; throws <see cref="QuerySyntaxException"/> naming the position and what was expected.
    /// With a <paramref name="vocabulary"/>, a topic, country, CAMEO code or language that does not exist is an error too.
    /// Without <paramref name="allowCorroboration"/> (an urgent expression), <c>corroborated:</c> is an error.
    /// </summary>
    public static QueryNode Parse(string text, TermVocabulary? vocabulary = null, bool allowCorroboration = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength) throw new QuerySyntaxException(MaxLength + 1, $"at most {MaxLength} characters", $"{text.Length} characters");
        var parser = new QueryParser(text, vocabulary, allowCorroboration);
        if (parser.Peek.Kind == TokenKind.End) throw new QuerySyntaxException(1, "a term", "an empty query");
        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End) throw parser.Error(parser.Peek.Kind == TokenKind.Close ? "an operator or end of query (unbalanced ')')" : "an operator or end of query");
        CorroboratedNode.CheckPlacement(node);
        return node;
    }

    private Token Peek => _tokens[_next];

    private QueryNode ParseOr()
    {
        var children = new List<QueryNode> { ParseAnd() };
        while (IsKeyword(Peek, "OR"))
        {
            _next++;
            children.Add(ParseAnd());
        }

        return children.Count == 1 ? children[0] : new OrNode(children);
    }

    private QueryNode ParseAnd()
    {
        var children = new List<QueryNode> { ParseUnary() };
        while (true)
        {
            if (IsKeyword(Peek, "AND"))
            {
                _next++;
                children.Add(ParseUnary());
            }
            else if (Peek.Kind is TokenKind.Word or TokenKind.Phrase or TokenKind.Open && !IsKeyword(Peek, "OR"))
            {
                children.Add(ParseUnary());
            }
            else
            {
                break;
            }
        }

        return children.Count == 1 ? children[0] : new AndNode(children);
    }

    private QueryNode ParseUnary()
    {
        if (!IsKeyword(Peek, "NOT")) return ParsePrimary();
        Enter();
        _next++;
        var child = ParseUnary();
        _depth--;
        return new NotNode(child);
    }

    private QueryNode ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Open:
            {
                Enter();
                _next++;
                var inner = ParseOr();
                if (Peek.Kind != TokenKind.Close) throw Error("')' to close the '(' at position " + (token.Position + 1));
                _next++;
                _depth--;
                return inner;
            }
            case TokenKind.Phrase:
                _next++;
                return Phrase(token);
            case TokenKind.Word when IsKeyword(token, "AND") || IsKeyword(token, "OR"):
                throw Error("a term before '" + token.Text + "'");
            case TokenKind.Word:
                _next++;
                return Word(token);
            default:
                throw Error("a term");
        }
    }

    /// <summary>A <c>near:</c> term's radius when it gives none.</summary>
    public const double DefaultRadiusKm = 50;

    public const double MaxRadiusKm = 2000;

    private NearNode Near(Token token, string value)
    {
        var valuePosition = token.Position + 6;
        if (value.Length == 0 && Peek.Kind == TokenKind.Phrase && Peek.Position == token.Position + token.Text.Length)
        {
            value = Peek.Text;
            _next++;
        }

        if (value.Length == 0) throw new QuerySyntaxException(valuePosition, "a place after 'near:', e.g. near:\"Kharkiv\" within:100km", "nothing");
        var centre = Places.PlaceDirectory.Default.Find(value)
            ?? throw new QuerySyntaxException(valuePosition, "a place the gazetteer knows (a country, a region, a city of 15,000 people), a GeoNames id or lat,lon", $"'{value}'");
        var radius = DefaultRadiusKm;
        if (Peek.Kind == TokenKind.Word && Peek.Text.StartsWith("within:", StringComparison.OrdinalIgnoreCase))
        {
            var within = Peek;
            _next++;
            var number = within.Text[7..];
            if (number.EndsWith("km", StringComparison.OrdinalIgnoreCase)) number = number[..^2];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out radius) || radius <= 0 || radius > MaxRadiusKm)
            {
                throw new QuerySyntaxException(within.Position + 8, $"a distance in kilometres above 0 and at most {MaxRadiusKm}, e.g. within:100km", $"'{within.Text[7..]}'");
            }
        }

        Count();
        return new NearNode(centre, radius);
    }

    private CorroboratedNode Corroborated(Token token, string value)
    {
        if (!_allowCorroboration) throw new QuerySyntaxException(token.Position + 1, "a condition on the article (corroborated: belongs in the query, not the urgent expression)", $"'{token.Text}'");
        var valuePosition = token.Position + 14;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var outlets) || outlets < CorroboratedNode.MinOutlets || outlets > CorroboratedNode.MaxOutlets)
        {
            throw new QuerySyntaxException(valuePosition, $"a number of outlets from {CorroboratedNode.MinOutlets} to {CorroboratedNode.MaxOutlets} after 'corroborated:', e.g. corroborated:3", value.Length == 0 ? "nothing" : $"'{value}'");
        }

        Count();
        return new CorroboratedNode(outlets, token.Position + 1);
    }

    private QueryNode Word(Token token)
    {
        var colon = token.Text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && token.Text[..colon].Equals("near", StringComparison.OrdinalIgnoreCase)) return Near(token, token.Text[(colon + 1)..]);
        if (colon > 0 && token.Text[..colon].Equals("corroborated", StringComparison.OrdinalIgnoreCase)) return Corroborated(token, token.Text[(colon + 1)..]);
        if (colon > 0 && token.Text[..colon].Equals("within", StringComparison.OrdinalIgnoreCase)) throw new QuerySyntaxException(token.Position + 1, "a near: term before 'within:', e.g. near:Kharkiv within:100km", $"'{token.Text}'");
        if (colon < 0)
        {
            if (token.Text.Contains(">=", StringComparison.Ordinal)) throw new QuerySyntaxException(token.Position + 1, "a field such as topic:security-cooperation>=5 before '>='", "'" + token.Text + "'");
            return Phrase(token);
        }

        var name = token.Text[..colon];
        if (!Fields.TryGetValue(name, out var field))
        {
            throw new QuerySyntaxException(token.Position + 1, "one of the fields topic, country, actor, event, quad, source, lang, near, corroborated, shift, is", $"'{name}:'");
        }

        var valuePosition = token.Position + colon + 2;
        var value = token.Text[(colon + 1)..];
        double minScore = 0;
        if (value.Length == 0 && Peek.Kind == TokenKind.Phrase && Peek.Position == token.Position + token.Text.Length)
        {
            value = Peek.Text;
            _next++;
        }
        else if (value.IndexOf(">=", StringComparison.Ordinal) is var at and >= 0)
        {
            if (field != TermField.Topic) throw new QuerySyntaxException(valuePosition + at, "a value without '>=' (only topics have scores)", "'>='");
            var number = value[(at + 2)..];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out minScore) || minScore < 0)
            {
                throw new QuerySyntaxException(valuePosition + at + 2, "a non-negative number after '>='", number.Length == 0 ? "nothing" : $"'{number}'");
            }

            value = value[..at];
        }

        if (value.Length == 0) throw new QuerySyntaxException(valuePosition, $"a value after '{name}:'", "nothing");
        RefuseWildcard(value, valuePosition);
        Count();
        var normalized = field switch
        {
            TermField.Shift => Signals.SignalTerms.NormalizeShift(value, valuePosition, _vocabulary),
            TermField.Is => Signals.SignalTerms.NormalizeIs(value, valuePosition),
            _ => Normalize(field, value, valuePosition),
        };
        if (_vocabulary?.Check(field, normalized) is { } unknown) throw new QuerySyntaxException(valuePosition, unknown);
        return new TermNode(field, normalized, minScore);
    }

    private static string Normalize(TermField field, string value, int position) => field switch
    {
        TermField.Country when value.Length == 3 && value.All(char.IsAsciiLetter) => value.ToUpperInvariant(),
        TermField.Country => throw new QuerySyntaxException(position, "an ISO 3166 alpha-3 country code such as RUS", $"'{value}'"),
        TermField.Event when value.Length is >= 2 and <= 4 && value.All(char.IsAsciiDigit) => value,
        TermField.Event => throw new QuerySyntaxException(position, "a CAMEO code or prefix of 2 to 4 digits such as 06 or 0431", $"'{value}'"),
        TermField.Quad when QuadNames.TryGetValue(value, out var quad) => quad,
        TermField.Quad => throw new QuerySyntaxException(position, "verbal-cooperation, material-cooperation, verbal-conflict or material-conflict", $"'{value}'"),
        TermField.Language when value.Length is 2 or 3 && value.All(char.IsAsciiLetter) => value.ToLowerInvariant(),
        TermField.Language => throw new QuerySyntaxException(position, "an ISO 639 language code such as en", $"'{value}'"),
        _ => value.Trim().ToLowerInvariant(),
    };

    /// <summary>A trailing <c>*</c> would be dropped with the punctuation and match only the bare stem ("terror"): refused, not guessed.</summary>
    public const string WildcardHelp = "a whole word: wildcards are not supported, list the words instead (terrorism OR terrorist OR terrorists)";

    private static void RefuseWildcard(string value, int position)
    {
        var star = value.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0) throw new QuerySyntaxException(position + star, WildcardHelp, $"'{value}'");
    }

    private QueryNode Phrase(Token token)
    {
        RefuseWildcard(token.Text, token.Position + 1);
        var words = MatchableArticle.Words(token.Text).ToList();
        if (words.Count == 0) throw new QuerySyntaxException(token.Position + 1, "a word or phrase with letters or digits", $"'{token.Text}'");
        Count();
        return words.Count == 1 ? new TermNode(TermField.Word, words[0]) : new PhraseNode(words);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth) throw Error($"at most {MaxDepth} levels of nesting");
    }

    private void Count()
    {
        if (++_terms > MaxTerms) throw new QuerySyntaxException(_tokens[_next - 1].Position + 1, $"at most {MaxTerms} terms", "more");
    }

    private QuerySyntaxException Error(string expected)
    {
        var token = Peek;
        var found = token.Kind switch
        {
            TokenKind.End => "end of query",
            TokenKind.Phrase => $"\"{token.Text}\"",
            _ => $"'{token.Text}'",
        };
        return new QuerySyntaxException(token.Position + 1, expected, found);
    }

    private static bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Word && token.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
