using Monitoring.Classify.Actors;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>
/// The event coder's actors from the full actor layer (countries, capitals and seats of power, organisations,
/// people, role words). A role word and the country it belongs to become one mention, as the coder expects:
/// "Chinese police" and "the police of Russia" are one actor each, with the country's code and the role's sector.
/// A role word that belongs to no country is an actor with CAMEO's unknown country ("rebels": ---REB). People and national
/// organisations carry their country's code and their sector; international organisations their own code (NATO, UN).
/// </summary>
public sealed class RecognizedActorFinder(ActorRecognizer recognizer) : IActorFinder
{
    // At most "'s", " of the " and the like between a role word and its country.
    private const int MaxJoinGap = 10;

    public IReadOnlyList<ActorMention> Find(string text) => From(text, recognizer.Recognize(text));

    public IReadOnlyList<ActorMention> Find(string text, List<Token> tokens) => From(text, recognizer.Recognize(text, tokens));

    /// <summary>The coder's mentions from a recognition already made (by <see cref="ArticleClassifier"/>) over <paramref name="text"/>.</summary>
    public static List<ActorMention> From(string text, ActorRecognition recognition)
    {
        var mentions = recognition.Mentions;
        var found = new List<ActorMention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            var sector = mention.Sectors.Count > 0 ? mention.Sectors[0] : null;
            if (mention.Actor.Type != ActorType.Role)
            {
                // People and national organisations (a ruling party, a ministry) act for their country, as CAMEO codes them (CHN + PTY).
                var code = mention.Actor.Type is ActorType.Person or ActorType.Organisation ? mention.Country ?? mention.Code : mention.Code;
                var cameo = mention.Country is null && mention.Actor.Cameo is { Length: >= 3 } c && c[..3] is "IGO" or "NGO" or "IMG" or "MNC" ? c : null;
                found.Add(new ActorMention(mention.Start, mention.End, mention.Text, code, mention.Actor.Type == ActorType.Country ? null : sector, cameo));
                continue;
            }

            // A role no country owns is still an actor: "rebels" (---REB), "police" (---COP); not a word of a compound
            // ("law-enforcement cooperation", "intelligence-sharing agreement").
            if (mention.Country is not { } country)
            {
                if (!InCompound(text, mention.Start, mention.End)) found.Add(new ActorMention(mention.Start, mention.End, mention.Text, CodedEvents.UnknownCode, sector));
                continue;
            }
            if (found.Count > 0 && found[^1].Code == country && found[^1].Sector is null && mention.Start - found[^1].End <= MaxJoinGap)
            {
                var owner = found[^1];
                found[^1] = owner with { End = mention.End, Text = text[owner.Start..mention.End], Sector = sector };
            }
            else if (i + 1 < mentions.Count && mentions[i + 1].Actor.Type == ActorType.Country && mentions[i + 1].Code == country
                     && mentions[i + 1].Start - mention.End <= MaxJoinGap)
            {
                var owner = mentions[++i];
                found.Add(new ActorMention(mention.Start, owner.End, text[mention.Start..owner.End], country, sector));
            }
            else
            {
                found.Add(new ActorMention(mention.Start, mention.End, mention.Text, country, sector));
            }
        }

        return found;
    }

    private static bool InCompound(string text, int start, int end) =>
        (end < text.Length && text[end] is '-' or '‐') || (start > 0 && text[start - 1] is '-' or '‐') || text.AsSpan(start, end - start).IndexOfAny('-', '‐') >= 0;
}
