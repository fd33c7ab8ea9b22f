using System.Text.RegularExpressions;

namespace Monitoring.Evaluation.Learned;

/// <summary>The development set's four alert groups and how its scorer maps topic ids to them (score.py, GROUPS).</summary>
public static partial class AlertGroups
{
    public const string Relevance = "relevance";

    public static readonly IReadOnlyList<string> Names = ["diplomacy", "security", "law-enforcement", "unrest", Relevance];

    public static bool Gold(DevArticle article, string group) => group == Relevance ? article.Relevant : article.Labels.Contains(group);

    public static bool Predicted(IEnumerable<string> topicIds, string group) => topicIds.Any(id => Pattern(group).IsMatch(id));

    private static Regex Pattern(string group) => group switch
    {
        "diplomacy" => Diplomacy(),
        "security" => Security(),
        "law-enforcement" => LawEnforcement(),
        "unrest" => Unrest(),
        _ => Any(),
    };

    [GeneratedRegex(@"diplom|meeting|visit|summit|treat|agreement|sanction|trade.?war|tariff|foreign|bilateral|relations|negotiat|peace")]
    private static partial Regex Diplomacy();

    [GeneratedRegex(@"secur|milit|terror|cyber|arms|weapon|espion|intellig|conflict|war\b|defen|border|nuclear|missile|attack|coup|instabil|hybrid")]
    private static partial Regex Security();

    [GeneratedRegex(@"law|crime|criminal|police|judic|extradit|drug|traffick|court|justice|prosecut|arrest|corrupt|hostage|kidnap")]
    private static partial Regex LawEnforcement();

    [GeneratedRegex(@"protest|unrest|riot|demonstrat|uprising")]
    private static partial Regex Unrest();

    [GeneratedRegex(@"diplom|meeting|visit|summit|treat|agreement|sanction|trade.?war|tariff|foreign|bilateral|relations|negotiat|peace|secur|milit|terror|cyber|arms|weapon|espion|intellig|conflict|war\b|defen|border|nuclear|missile|attack|coup|instabil|hybrid|law|crime|criminal|police|judic|extradit|drug|traffick|court|justice|prosecut|arrest|corrupt|hostage|kidnap|protest|unrest|riot|demonstrat|uprising")]
    private static partial Regex Any();
}
