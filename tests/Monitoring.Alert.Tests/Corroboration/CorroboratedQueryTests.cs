using Monitoring.Alert.Corroboration;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Tests.Corroboration;

/// <summary><c>corroborated:N</c> in the subscription language: where it may stand, what it takes out of the matched query, and its errors.</summary>
public sealed class CorroboratedQueryTests
{
    private static CompiledSubscription Compile(string query, string? urgent = null) => CompiledSubscription.Compile(new Subscription
    {
        SubscriptionId = "s1", AnalystId = "alice", Name = "n", Query = query, UrgentQuery = urgent, Topics = [], Countries = [], Keywords = [], CreatedAt = Times.At(0),
    });

    [Theory]
    [InlineData("corroborated:3 AND event:17", 3, "event:17")]
    [InlineData("event:17 corroborated:5 country:NOR", 5, "(event:17 AND country:NOR)")]
    [InlineData("CORROBORATED:2 (country:NOR OR country:SWE)", 2, "(country:NOR OR country:SWE)")]
    [InlineData("event:17 AND country:NOR", null, "(event:17 AND country:NOR)")]
    public void The_term_sets_the_outlet_count_and_leaves_the_rest_to_match_articles(string query, int? outlets, string rest)
    {
        var compiled = Compile(query);

        Assert.Equal(outlets, compiled.CorroboratedBy);
        Assert.Equal(rest, compiled.Query.ToString());
    }

    [Theory]
    [InlineData("corroborated:x AND event:17", 14, "a number of outlets from 2 to 50 after 'corroborated:', e.g. corroborated:3")]
    [InlineData("event:17 corroborated:", 23, "a number of outlets from 2 to 50 after 'corroborated:', e.g. corroborated:3")]
    [InlineData("corroborated:1 event:17", 14, "a number of outlets from 2 to 50 after 'corroborated:', e.g. corroborated:3")]
    [InlineData("corroborated:51 event:17", 14, "a number of outlets from 2 to 50 after 'corroborated:', e.g. corroborated:3")]
    [InlineData("corroborated:-3 event:17", 14, "a number of outlets from 2 to 50 after 'corroborated:', e.g. corroborated:3")]
    [InlineData("event:17 OR corroborated:3", 13, "corroborated: ANDed with the rest of the query at its top level (not under OR or NOT)")]
    [InlineData("event:17 AND NOT corroborated:3", 18, "corroborated: ANDed with the rest of the query at its top level (not under OR or NOT)")]
    [InlineData("event:17 (country:NOR corroborated:3)", 23, "corroborated: ANDed with the rest of the query at its top level (not under OR or NOT)")]
    [InlineData("corroborated:3 event:17 corroborated:4", 25, "one corroborated: term")]
    [InlineData("  corroborated:3", 3, "another term saying which events, e.g. corroborated:3 AND event:17 AND country:RUS")]
    public void Errors_name_the_position_and_what_was_expected(string query, int position, string expected)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.StartsWith($"Position {position}: expected {expected} but found ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_urgent_expression_cannot_ask_for_corroboration()
    {
        var request = new SubscriptionRequest("n", Query: "corroborated:3 event:17", UrgentQuery: "event:18 corroborated:2");

        var (errors, syntax) = request.Validate();

        Assert.Equal(["urgentQuery"], errors.Keys);
        Assert.Equal(10, syntax!.Position);
        Assert.Throws<QuerySyntaxException>(() => Compile("event:17", urgent: "corroborated:2 event:18"));
    }

    [Fact]
    public void The_shipped_outlet_list_loads_says_where_each_entry_comes_from_and_finds_hosts_by_their_domain()
    {
        var outlets = OutletDirectory.LoadShipped();

        Assert.InRange(outlets.Count, 10, 100);
        Assert.True(outlets.Find("xinhua")!.StateAffiliated);
        Assert.Equal("CHN", outlets.Find("english.news.cn")!.Country);
        Assert.False(outlets.Find("www.bbc.co.uk")!.StateAffiliated);
        Assert.Null(outlets.Find("news.example"));
        Assert.StartsWith("Wikipedia", outlets.Find("tass")!.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_outlet_line_is_refused_with_its_line_number()
    {
        var path = Path.Combine(Path.GetTempPath(), $"outlets-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# ids\tname\tcountry\townership\tbasis\nwire\tA wire\tNOR\tgovernment\tits about page\n");

        var error = Assert.Throws<FormatException>(() => OutletDirectory.Load(path));

        Assert.Contains(":2: ownership 'government'", error.Message, StringComparison.Ordinal);
    }
}
