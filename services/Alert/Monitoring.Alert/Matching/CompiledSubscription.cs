using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Alert.Matching;

/// <summary>A subscription with its expression parsed once: the <c>query</c>, ANDed with the <c>topics</c>/<c>countries</c>/<c>keywords</c> shorthand.</summary>
public sealed class CompiledSubscription
{
    private CompiledSubscription(Subscription subscription, QueryNode query, QueryNode? urgent, int? corroboratedBy)
    {
        Subscription = subscription;
        Query = query;
        CorroboratedBy = corroboratedBy;
        Urgent = urgent;
        Program = new CompiledQuery(query);
        Gates = Delivery.ChannelGate.Of(subscription);
        EventThreshold = corroboratedBy is { } n ? Math.Min(n, Gates.Count > 0 ? Gates[0] : n) : Gates.Count > 0 ? Gates[0] : null;
    }

    public Subscription Subscription { get; }
    public QueryNode Query { get; }

    /// <summary><see cref="Query"/> flattened for the index, which evaluates it against interned key ids.</summary>
    public CompiledQuery Program { get; }

    /// <summary>Articles matching this too are urgent: they bypass quiet hours.</summary>
    public QueryNode? Urgent { get; }

    /// <summary>From <c>corroborated:N</c>: alert per coded event once N outlets report it, not per story (null: per story).</summary>
    public int? CorroboratedBy { get; }

    /// <summary>The <c>minOutlets</c> of the subscription's channels that are gated by corroboration, smallest first.</summary>
    public IReadOnlyList<int> Gates { get; }

    /// <summary>The outlet count at which the subscription's event alert is raised: its <c>corroborated:N</c> or its smallest gate; null when it raises none.</summary>
    public int? EventThreshold { get; }

    /// <summary>
    /// Whether an event's outlet count moving from <paramref name="before"/> to <paramref name="now"/> crosses one of the
    /// subscription's thresholds (the query's N or a gate), so another channel is now due its event alert.
    /// </summary>
    public bool Crosses(int before, int now) =>
        (CorroboratedBy is { } n && before < n && n <= now) || Gates.Any(gate => before < gate && gate <= now);

    public bool Matches(MatchableArticle article) => Query.Matches(article);

    public bool IsUrgent(MatchableArticle article) => Urgent?.Matches(article) == true;

    /// <summary>Throws <see cref="QuerySyntaxException"/> for an invalid expression, or <see cref="ArgumentException"/> for a subscription with no condition.</summary>
    public static CompiledSubscription Compile(Subscription subscription)
    {
        var query = QueryOf(subscription, out var corroboratedBy);
        return new(subscription, query, subscription.UrgentQuery is { Length: > 0 } urgent ? QueryParser.Parse(urgent, allowCorroboration: false) : null, corroboratedBy);
    }

    /// <summary>What an article must satisfy; a <c>corroborated:</c> term is taken out (it counts outlets, not words).</summary>
    public static QueryNode QueryOf(Subscription subscription) => QueryOf(subscription, out _);

    private static QueryNode QueryOf(Subscription subscription, out int? corroboratedBy)
    {
        var parts = new List<QueryNode>();
        corroboratedBy = null;
        if (subscription.Query is { Length: > 0 } query)
        {
            var (rest, outlets) = CorroboratedNode.Split(QueryParser.Parse(query));
            corroboratedBy = outlets;
            if (rest is not null) parts.Add(rest);
        }

        if (subscription.Topics.Count > 0) parts.Add(AnyOf(subscription.Topics.Select(t => (QueryNode)new TermNode(TermField.Topic, t.ToLowerInvariant()))));
        if (subscription.Countries.Count > 0) parts.Add(AnyOf(subscription.Countries.Select(c => (QueryNode)new TermNode(TermField.Country, c.ToUpperInvariant()))));
        if (subscription.Keywords.Count > 0)
        {
            parts.Add(AnyOf(subscription.Keywords.Select(k => MatchableArticle.Words(k).ToList()).Where(w => w.Count > 0)
                .Select(w => w.Count == 1 ? (QueryNode)new TermNode(TermField.Word, w[0]) : new PhraseNode(w))));
        }

        if (parts.Count == 0) throw new ArgumentException("A subscription needs a query or at least one of topics, countries or keywords.", nameof(subscription));
        var node = parts.Count == 1 ? parts[0] : new AndNode(parts);
        return subscription.MinScore is > 0 and var minScore ? WithMinScore(node, minScore) : node;
    }

    private static QueryNode AnyOf(IEnumerable<QueryNode> nodes)
    {
        var list = nodes.ToList();
        return list.Count == 1 ? list[0] : new OrNode(list);
    }

    /// <summary>The subscription's minimum score applies to every topic term that does not set its own.</summary>
    private static QueryNode WithMinScore(QueryNode node, double minScore) => node switch
    {
        TermNode { Field: TermField.Topic, MinScore: 0 } term => term with { MinScore = minScore },
        AndNode and => new AndNode(and.Children.Select(c => WithMinScore(c, minScore)).ToList()),
        OrNode or => new OrNode(or.Children.Select(c => WithMinScore(c, minScore)).ToList()),
        NotNode not => new NotNode(WithMinScore(not.Child, minScore)),
        _ => node,
    };
}
