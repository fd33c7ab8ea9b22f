namespace Monitoring.Alert.Matching.Language;

/// <summary>An expression that cannot be parsed: where (1-based character position) and what was expected there.</summary>
public sealed class QuerySyntaxException(int position, string expected, string found)
    : Exception($"Position {position}: expected {expected} but found {found}.")
{
    public int Position { get; } = position;
    public string Expected { get; } = expected;
    public string Found { get; } = found;
}
