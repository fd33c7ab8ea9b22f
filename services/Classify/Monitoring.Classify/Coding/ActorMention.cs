namespace Monitoring.Classify.Coding;

/// <summary>
/// An actor named in the text: where (character offsets, end exclusive), as written, its code (ISO-3 country,
/// organisation code, or "---" for a role with no known country: "rebels" is ---, REB), its sector when a role word
/// says it ("Chinese police": CHN, COP), and its full CAMEO actor code where that is more than code and sector
/// (the UN: IGOUNO).
/// </summary>
public sealed record ActorMention(int Start, int End, string Text, string Code, string? Sector, string? Cameo = null);

/// <summary>
/// The seam between the event coder and whoever recognises actors. The default is <see cref="PhraseActorFinder"/>
/// over the country gazetteer; the full actor layer (organisations, people, metonyms) plugs in here.
/// Mentions must be ordered by <see cref="ActorMention.Start"/> and must not overlap.
/// </summary>
public interface IActorFinder
{
    IReadOnlyList<ActorMention> Find(string text);

    /// <summary>The same, reusing the coder's tokens of <paramref name="text"/> where the finder can.</summary>
    IReadOnlyList<ActorMention> Find(string text, List<Text.Token> tokens) => Find(text);
}
