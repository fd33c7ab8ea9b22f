namespace Monitoring.Alert.Matching.Language;

/// <summary>
/// <c>corroborated:3</c>: alert on each coded event the rest of the query matches once <see cref="Outlets"/> distinct
/// outlets have reported it in separately written articles, instead of on each story. Not a fact about one article:
/// it stands only at the top of the query, ANDed with the rest, and <see cref="CompiledSubscription"/> takes it out
/// before the index sees the query (<see cref="Split"/>). <see cref="Position"/> is 1-based, for errors.
/// </summary>
public sealed record CorroboratedNode(int Outlets, int Position) : QueryNode
{
    public const int MinOutlets = 2;
    public const int MaxOutlets = 50;

    /// <summary>A modifier, not a condition: an article satisfies it (the event's outlets are counted elsewhere).</summary>
    public override bool Matches(MatchableArticle article) => true;

    public override string ToString() => $"corroborated:{Outlets}";

    /// <summary>The query without its <c>corroborated:</c> term, and the term's outlet count (null when it has none).</summary>
    public static (QueryNode? Remainder, int? Outlets) Split(QueryNode query) => query switch
    {
        CorroboratedNode node => (null, node.Outlets),
        AndNode all when all.Children.OfType<CorroboratedNode>().FirstOrDefault() is { } node =>
            (all.Children.Count == 2 ? all.Children.First(c => c is not CorroboratedNode) : new AndNode(all.Children.Where(c => c is not CorroboratedNode).ToList()), node.Outlets),
        _ => (query, null),
    };

    /// <summary>
    /// Throws at the position of a <c>corroborated:</c> term that is not ANDed at the top of the query (under OR or NOT,
    /// or in parentheses), that is repeated, or that is the whole query.
    /// </summary>
    public static void CheckPlacement(QueryNode query)
    {
        var top = query is AndNode all ? all.Children : [query];
        var atTop = top.OfType<CorroboratedNode>().ToList();
        if (atTop.Count > 1) throw new QuerySyntaxException(atTop[1].Position, "one corroborated: term", "a second one");
        foreach (var child in top)
        {
            if (child is not CorroboratedNode && FirstNested(child) is { } nested)
            {
                throw new QuerySyntaxException(nested.Position, "corroborated: ANDed with the rest of the query at its top level (not under OR or NOT)", $"'{nested}' inside");
            }
        }

        if (atTop.Count == 1 && top.Count == 1)
        {
            throw new QuerySyntaxException(atTop[0].Position, "another term saying which events, e.g. corroborated:3 AND event:17 AND country:RUS", "only the corroborated: term");
        }
    }

    private static CorroboratedNode? FirstNested(QueryNode node) => node switch
    {
        CorroboratedNode corroborated => corroborated,
        AndNode all => all.Children.Select(FirstNested).FirstOrDefault(n => n is not null),
        OrNode any => any.Children.Select(FirstNested).FirstOrDefault(n => n is not null),
        NotNode negation => FirstNested(negation.Child),
        _ => null,
    };
}
