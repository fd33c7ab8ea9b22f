using Monitoring.Classify.Coding;

namespace Monitoring.Classify.Tests.Support;

/// <summary>The shipped CAMEO dictionaries and the shipped actor layer, as the classify service composes them, loaded once.</summary>
public static class Coders
{
    private static readonly Lazy<CameoVerbDictionary> ShippedVerbs = new(() =>
        CameoVerbDictionary.Load(Classifiers.DataFile("cameo-verbs.txt"), Classifiers.DataFile("cameo-verbs-extra.txt")));

    private static readonly Lazy<CameoCodebook> ShippedCodes = new(() => CameoCodebook.Load(Classifiers.DataFile("cameo-codes.tsv")));

    private static readonly Lazy<EventCoder> Shipped = new(() =>
        With(new RecognizedActorFinder(Classifiers.Actors)));

    public static EventCoder Default => Shipped.Value;

    private static readonly Lazy<CodingLanguages> ShippedLanguages = new(() => CodingLanguages.Load(Classifiers.DataFile("coding")));

    public static CodingLanguages Languages => ShippedLanguages.Value;

    public static CodingLanguage English => Languages.For(CodingLanguages.English);

    public static EventCoder With(IActorFinder actors) => new(ShippedVerbs.Value, ShippedCodes.Value, actors, Languages);

    /// <summary>Who did what to whom in <paramref name="text"/>: each event's source and target CAMEO actor codes (a role with no country as "---REB") and its code.</summary>
    public static List<(string Source, string Target, string Cameo)> Dyads(string text, string? language = null) =>
        Default.Code(text, language).Select(e => (Actor(e.Source), Actor(e.Target), e.Cameo)).ToList();

    private static string Actor(Contracts.EventActor actor) => actor.Cameo ?? actor.Code + actor.Sector;
}
