namespace Monitoring.Alert.Matching.Language;

/// <summary>
/// An expression that cannot be parsed or names nothing that exists: where (1-based character position), what was
/// expected there, what was found, and the nearest valid values when the term is unknown.
/// </summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(int position, string expected, string found)
        : base($"Position {position}: expected {expected} but found {found}.")
    {
        Position = position;
        Expected = expected;
        Found = found;
    }

    public QuerySyntaxException(int position, UnknownTerm unknown)
        : base($"Position {position}: {unknown.Message}")
    {
        Position = position;
        Expected = "a known " + unknown.What;
        Found = $"'{unknown.Value}'";
        Suggestions = unknown.Suggestions;
    }

    public int Position { get; }
    public string Expected { get; }
    public string Found { get; }

    /// <summary>The nearest valid values for an unknown term ("sanctions" for "sanctionz"); empty for syntax errors.</summary>
    public IReadOnlyList<string> Suggestions { get; } = [];
}
