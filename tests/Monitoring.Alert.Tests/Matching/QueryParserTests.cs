using Monitoring.Alert.Matching.Language;

namespace Monitoring.Alert.Tests.Matching;

public sealed class QueryParserTests
{
    [Theory]
    [InlineData("topic:diplomacy", "topic:diplomacy")]
    [InlineData("Country:rus", "country:RUS")]
    [InlineData("a OR b AND c", "(word:a OR (word:b AND word:c))")]
    [InlineData("a b OR c", "((word:a AND word:b) OR word:c)")]
    [InlineData("(a OR b) c", "((word:a OR word:b) AND word:c)")]
    [InlineData("NOT a AND b", "(NOT word:a AND word:b)")]
    [InlineData("not (a or b)", "NOT (word:a OR word:b)")]
    [InlineData("\"Law  Enforcement\" cooperation", "(\"law enforcement\" AND word:cooperation)")]
    [InlineData("topic:security-cooperation>=5.5", "topic:security-cooperation>=5.5")]
    [InlineData("actor:\"Sergei Shoigu\" OR actor:NATO", "(actor:sergei shoigu OR actor:nato)")]
    [InlineData("event:06 quad:material-conflict", "(event:06 AND quad:4)")]
    [InlineData("source:CGTN lang:EN", "(source:cgtn AND language:en)")]
    [InlineData("\"and\" OR \"not\"", "(word:and OR word:not)")]
    public void Parses_operators_with_precedence_and_normalises_values(string query, string expected) =>
        Assert.Equal(expected, QueryParser.Parse(query).ToString());

    [Theory]
    [InlineData("topic:diplomacy AND", 20, "a term")]
    [InlineData("(country:RUS OR country:CHN", 28, "')' to close the '(' at position 1")]
    [InlineData("country:RUS)", 12, "an operator or end of query (unbalanced ')')")]
    [InlineData("colour:red", 1, "one of the fields topic, country, actor, event, quad, source, lang, near, corroborated, shift, is")]
    [InlineData("near:Xanadu-upon-Sea", 6, "a place the gazetteer knows (a country, a region, a city of 15,000 people), a GeoNames id or lat,lon")]
    [InlineData("near:Kharkiv within:far", 21, "a distance in kilometres above 0 and at most 2000, e.g. within:100km")]
    [InlineData("within:100km", 1, "a near: term before 'within:', e.g. near:Kharkiv within:100km")]
    [InlineData("topic:x AND country:Russia", 21, "an ISO 3166 alpha-3 country code such as RUS")]
    [InlineData("event:6", 7, "a CAMEO code or prefix of 2 to 4 digits such as 06 or 0431")]
    [InlineData("quad:peace", 6, "verbal-cooperation, material-cooperation, verbal-conflict or material-conflict")]
    [InlineData("a AND \"open phrase", 19, "'\"' to close the phrase opened at position 7")]
    [InlineData("topic:x>=high", 10, "a non-negative number after '>='")]
    [InlineData("country:RUS>=3", 12, "a value without '>=' (only topics have scores)")]
    [InlineData("OR a", 1, "a term before 'OR'")]
    [InlineData("a AND NOT", 10, "a term")]
    [InlineData("topic:", 7, "a value after 'topic:'")]
    [InlineData("()", 2, "a term")]
    [InlineData("   ", 1, "a term")]
    public void Errors_name_the_position_and_what_was_expected(string query, int position, string expected)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.StartsWith($"Position {position}: expected {expected} but found ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_at_the_parenthesis_that_exceeds_it()
    {
        var ok = new string('(', QueryParser.MaxDepth) + "a" + new string(')', QueryParser.MaxDepth);
        var deep = new string('(', QueryParser.MaxDepth + 1) + "a" + new string(')', QueryParser.MaxDepth + 1);

        QueryParser.Parse(ok);
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(deep));
        Assert.Equal(QueryParser.MaxDepth + 1, error.Position);
        Assert.Contains("levels of nesting", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_longer_than_the_limit_are_refused()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(string.Join(" OR ", Enumerable.Repeat("diplomacy", 300))));
        Assert.Equal($"at most {QueryParser.MaxLength} characters", error.Expected);
    }
}
