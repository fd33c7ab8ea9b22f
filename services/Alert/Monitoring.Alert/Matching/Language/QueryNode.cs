namespace Monitoring.Alert.Matching.Language;

/// <summary>A parsed subscription expression. Evaluated against a <see cref="MatchableArticle"/>; indexed by <see cref="SubscriptionIndex"/>.</summary>
public abstract record QueryNode
{
    public abstract bool Matches(MatchableArticle article);
}

public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public override bool Matches(MatchableArticle article)
    {
        foreach (var child in Children)
        {
            if (!child.Matches(article)) return false;
        }

        return true;
    }

    public override string ToString() => "(" + string.Join(" AND ", Children) + ")";
}

public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public override bool Matches(MatchableArticle article)
    {
        foreach (var child in Children)
        {
            if (child.Matches(article)) return true;
        }

        return false;
    }

    public override string ToString() => "(" + string.Join(" OR ", Children) + ")";
}

public sealed record NotNode(QueryNode Child) : QueryNode
{
    public override bool Matches(MatchableArticle article) => !Child.Matches(article);

    public override string ToString() => "NOT " + Child;
}

/// <summary>The kinds of field a term can test; each has its own key prefix in the index.</summary>
public enum TermField
{
    Topic,
    Country,
    Actor,
    Event,
    Quad,
    Source,
    Language,
    Word,

    /// <summary>A relation shift the article fired (<c>shift:CHN-RUS</c>, <c>shift:country:IRN</c>): Signals/SignalTerms.cs.</summary>
    Shift,

    /// <summary>A state of the article's story (<c>is:breaking</c>).</summary>
    Is,
}

/// <summary>
/// One indexable fact: the article has topic X (with at least <see cref="MinScore"/>), country Y, the word Z, and so on.
/// <see cref="Key"/> is what the article exposes in <see cref="MatchableArticle.Keys"/> when the fact holds
/// (the score threshold apart).
/// </summary>
public sealed record TermNode(TermField Field, string Value, double MinScore = 0) : QueryNode
{
    public string Key { get; } = MatchableArticle.KeyOf(Field, Value);

    public override bool Matches(MatchableArticle article) =>
        Field == TermField.Topic && MinScore > 0
            ? article.TopicScores.TryGetValue(Value, out var score) && score >= MinScore
            : article.Keys.Contains(Key);

    public override string ToString() => $"{Field.ToString().ToLowerInvariant()}:{Value}{(MinScore > 0 ? $">={MinScore}" : "")}";
}

/// <summary>Consecutive words of the title or text, case-insensitive.</summary>
public sealed record PhraseNode(IReadOnlyList<string> Words) : QueryNode
{
    public override bool Matches(MatchableArticle article) => article.ContainsPhrase(Words);

    public override string ToString() => "\"" + string.Join(' ', Words) + "\"";
}

/// <summary>
/// <c>near:"Kharkiv" within:100km</c>: the article names a place, or has an event placed, within the radius of the
/// named place. Indexed under the one-degree cells the circle touches (<see cref="Places.GeoCells"/>).
/// </summary>
public sealed record NearNode(Places.NamedPosition Centre, double RadiusKm) : QueryNode
{
    public IReadOnlyList<string> Keys { get; } = Places.GeoCells.Covering(Centre.Latitude, Centre.Longitude, RadiusKm);

    public override bool Matches(MatchableArticle article)
    {
        foreach (var (latitude, longitude) in article.Places)
        {
            if (Centre.DistanceKm(latitude, longitude) <= RadiusKm) return true;
        }

        return false;
    }

    public override string ToString() => FormattableString.Invariant($"near:\"{Centre.Name}\" within:{RadiusKm}km");
}
