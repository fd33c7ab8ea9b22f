namespace Monitoring.Contracts;

/// <summary>
/// Why a tag was given: the rule or dictionary entry that matched (<see cref="Rule"/>, e.g.
/// <c>law-enforcement/terms/extradition</c> or <c>person:sergei-shoigu</c>), the text as written and its character
/// offsets in the classified text (title, newline, body; <see cref="End"/> exclusive), and the weight it added to a
/// topic's score (0 for required-block matches and entity mentions). A topic's score is the sum of its evidence weights.
/// </summary>
public sealed record MatchEvidence
{
    public required string Rule { get; init; }
    public required string Text { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public double Weight { get; init; }
}
