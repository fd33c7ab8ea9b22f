namespace Monitoring.Contracts;

/// <summary>The source or target of a coded event as the sentence names it, with its character offsets in the article text.</summary>
public sealed record EventActor
{
    public required string Text { get; init; }

    /// <summary>
    /// ISO 3166-1 alpha-3 country code or organisation code; "---" (CAMEO's unknown country) for a role with no known
    /// country ("rebels": "---" with sector REB) or, with an empty <see cref="Text"/>, a side the sentence does not name.
    /// </summary>
    public required string Code { get; init; }

    /// <summary>The CAMEO actor code where it says more than code and sector: "IGOUNO" for the UN, "IMGMUSISI" for Islamic State.</summary>
    public string? Cameo { get; init; }

    /// <summary>CAMEO sector (GOV, MIL, COP, JUD, …) when a role word names it.</summary>
    public string? Sector { get; init; }

    public required int Start { get; init; }
    public required int End { get; init; }
}
