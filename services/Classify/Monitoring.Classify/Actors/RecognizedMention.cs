namespace Monitoring.Classify.Actors;

/// <summary>
/// One place where the text names an actor: the dictionary entry, the text as written, its character offsets
/// (<see cref="Start"/> inclusive, <see cref="End"/> exclusive) and token indices, and the code it resolves to here.
/// <see cref="Code"/> equals the entry's code except for role words, which take the country they are attached to
/// ("Russian police", "police of Russia"); <see cref="Via"/> says how the mention was found: <c>alias</c>, or
/// <c>surname</c> for a later short mention ("Chen") of a person named in full earlier in the text.
/// </summary>
public sealed record RecognizedMention
{
    public required ActorEntry Actor { get; init; }
    public required string Text { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required int FirstToken { get; init; }
    public required int LastToken { get; init; }
    public required string Code { get; init; }
    public string? Country { get; init; }
    public string Via { get; init; } = "alias";

    public IReadOnlyList<string> Sectors => Actor.Sectors;
}
