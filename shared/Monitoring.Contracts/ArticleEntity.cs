namespace Monitoring.Contracts;

/// <summary>
/// A country, organisation or person an article names. <see cref="Code"/> is the ISO-3166 alpha-3 code for
/// countries and national actors, the organisation's code for international ones ("NATO", "UN"); <see cref="Id"/> is
/// the dictionary entry ("person:sergei-shoigu"); <see cref="Sectors"/> are CAMEO sector codes (GOV, MIL, COP, ...).
/// </summary>
public sealed record ArticleEntity
{
    public required string Id { get; init; }

    /// <summary><c>country</c>, <c>organisation</c>, <c>person</c> or <c>role</c> (a role word attached to a country: "Russian police").</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }
    public required string Code { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string>? Sectors { get; init; }
    public string? Role { get; init; }
    public required IReadOnlyList<MatchEvidence> Mentions { get; init; }
}
