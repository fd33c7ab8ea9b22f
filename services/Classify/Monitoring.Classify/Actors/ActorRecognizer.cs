using System.Text.RegularExpressions;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Actors;

/// <summary>
/// Finds the countries, organisations, people and role words a text names, with offsets, in one pass of one compiled
/// matcher over the text's tokens. Names must be capitalised in Latin script ("china" the porcelain is not a country),
/// all-capital abbreviations of up to six letters match exactly ("US", "UN", not "us"), role words match in any case.
/// An alias shared by two entries of the same kind (two countries called "Korean") names neither; across kinds the
/// earlier entry wins (curated, countries, converted dictionaries, role words).
/// </summary>
public sealed partial class ActorRecognizer
{
    private static readonly HashSet<string> FamilyNameFirst = ["CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP", "KHM", "MNG"];

    private readonly Lazy<PhraseMatcher<DictionaryEntry>> _matcher;
    private readonly CountryContextRules _context;

    public ActorRecognizer(IEnumerable<ActorEntry> entries, CountryContext? context = null)
    {
        Entries = entries.ToList();
        _context = new CountryContextRules(context ?? CountryContext.Empty);
        Phrases = CompilePhrases(Entries).ToList();
        _matcher = new Lazy<PhraseMatcher<DictionaryEntry>>(() => new PhraseMatcher<DictionaryEntry>(Phrases));
    }

    public IReadOnlyList<ActorEntry> Entries { get; }

    /// <summary>The phrases of every entry, for a matcher shared with other dictionaries (see <see cref="ArticleClassifier"/>).</summary>
    public IReadOnlyList<Phrase<DictionaryEntry>> Phrases { get; }

    public static ActorRecognizer Load(string countriesPath, string actorsPath) => new(ActorDictionary.Load(countriesPath, actorsPath), CountryContext.Load(countriesPath));

    private static IEnumerable<Phrase<DictionaryEntry>> CompilePhrases(IReadOnlyList<ActorEntry> entries)
    {
        var owners = new Dictionary<string, (ActorEntry Entry, bool Ambiguous)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var alias in Names(entry))
            {
                var key = alias.ToLowerInvariant();
                if (!owners.TryGetValue(key, out var owner)) owners[key] = (entry, false);
                else if (owner.Entry.Type == entry.Type && owner.Entry.Code != entry.Code && entry.Type == ActorType.Country) owners[key] = (owner.Entry, true);
            }
        }

        foreach (var entry in entries)
        {
            var forms = entry.Forms.Count == 0 ? null : ArabicClitics.WithClitics(entry.Forms).ToHashSet(StringComparer.Ordinal);
            foreach (var alias in Names(entry))
            {
                var owner = owners[alias.ToLowerInvariant()];
                if (owner.Ambiguous || !ReferenceEquals(owner.Entry, entry)) continue;
                owners[alias.ToLowerInvariant()] = (entry, true); // each alias once
                var form = forms?.Contains(alias) == true;

                // Names are taken literally; a form may be a stem ("России" from "Росси*") or an adjective, lower case in most languages.
                yield return new Phrase<DictionaryEntry>(
                    alias, entry, ProperNoun: entry.Type != ActorType.Role && !(form && char.IsLower(alias[0])), CaseSensitive: IsAbbreviation(alias), Wildcards: form);
            }
        }
    }

    // A country's forms, then names, with the Arabic clitics (the form wins a name it equals: "français" in any case) (wa-, bi-, li-, ...): "وروسيا", "للصين".
    private static IEnumerable<string> Names(ActorEntry entry) =>
        entry.Type == ActorType.Country ? ArabicClitics.WithClitics(entry.Forms.Concat(entry.Aliases)) : entry.Aliases;

    public ActorRecognition Recognize(string text) => Recognize(text, Tokenizer.Tokenize(text));

    public ActorRecognition Recognize(string text, List<Token> tokens) => Resolve(text, tokens, _matcher.Value.Match(text, tokens, longestOnly: false));

    /// <summary>No actors: for text that is not language (binary junk decoded as text), where any name found is chance.</summary>
    public static ActorRecognition None { get; } = new([]);

    /// <summary>
    /// Turns the actor matches among <paramref name="matches"/> (all matches of a shared matcher, overlapping) into
    /// mentions: the longest alias wins where they overlap, role words get their country, surnames their person.
    /// </summary>
    public ActorRecognition Resolve(string text, List<Token> tokens, List<PhraseMatch<DictionaryEntry>> matches)
    {
        var actorMatches = matches.Where(m => m.Phrase.Value is ActorEntry).ToList();
        actorMatches.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : b.TokenCount.CompareTo(a.TokenCount));
        var mentions = new List<RecognizedMention>(actorMatches.Count);
        var next = 0;
        foreach (var match in actorMatches)
        {
            if (match.FirstToken < next) continue;
            next = match.LastToken + 1;
            var entry = (ActorEntry)match.Phrase.Value;
            mentions.Add(new RecognizedMention
            {
                Actor = entry, Text = text[match.Start..match.End], Start = match.Start, End = match.End,
                FirstToken = match.FirstToken, LastToken = match.LastToken, Code = entry.Code, Country = entry.Country,
            });
        }

        _context.DropClubsAndBrands(text, mentions);
        _context.DropGivenNames(text, tokens, mentions);
        _context.QualifyNationalBodies(text, mentions);
        AttachRolesToCountries(text, mentions);
        AddSurnameMentions(text, tokens, mentions);
        return new ActorRecognition(mentions);
    }

    // "Russian police", "China's foreign minister", "the police of Russia": the role takes the adjacent country.
    private static void AttachRolesToCountries(string text, List<RecognizedMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Actor.Type != ActorType.Role) continue;
            string? country = null;
            if (i > 0 && mentions[i - 1].Actor.Type == ActorType.Country && IsAdjacentBefore(text.AsSpan(mentions[i - 1].End, mentions[i].Start - mentions[i - 1].End))
                && !JoinedToAnotherCountry(text, mentions, i - 1))
            {
                country = mentions[i - 1].Code;
            }
            else if (i + 1 < mentions.Count && mentions[i + 1].Actor.Type == ActorType.Country && OfBetween().IsMatch(text.AsSpan(mentions[i].End, mentions[i + 1].Start - mentions[i].End)))
            {
                country = mentions[i + 1].Code;
            }

            if (country is not null) mentions[i] = mentions[i] with { Code = country, Country = country };
        }
    }

    // "China-Russia law-enforcement" is a joint body of both countries, not Russia's.
    private static bool JoinedToAnotherCountry(string text, List<RecognizedMention> mentions, int country) =>
        country > 0 && mentions[country - 1].Actor.Type == ActorType.Country && text.AsSpan(mentions[country - 1].End, mentions[country].Start - mentions[country - 1].End).Trim() is "-" or "–" or "/" or "and";

    // A person named in full ("Chen Wenqing") is later called by the family name alone ("Chen said").
    private static void AddSurnameMentions(string text, List<Token> tokens, List<RecognizedMention> mentions)
    {
        Dictionary<string, ActorEntry>? surnames = null;
        foreach (var mention in mentions)
        {
            if (mention.Actor.Type != ActorType.Person || mention.LastToken == mention.FirstToken) continue;
            var at = mention.Actor.Country is { } c && FamilyNameFirst.Contains(c) ? mention.FirstToken : mention.LastToken;
            var surname = text.Substring(tokens[at].Start, tokens[at].Length);
            if (surname.Length < 2 || !char.IsUpper(surname[0])) continue;
            surnames ??= new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
            if (!surnames.TryAdd(surname, mention.Actor) && surnames[surname] != mention.Actor) surnames[surname] = null!; // two people share it: neither
        }

        if (surnames is null) return;
        var added = new List<RecognizedMention>();
        var next = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            while (next < mentions.Count && mentions[next].LastToken < t) next++;
            if (next < mentions.Count && mentions[next].FirstToken <= t) continue; // inside a mention already
            var token = tokens[t];
            if (!token.Capitalized || !surnames.TryGetValue(text.Substring(token.Start, token.Length), out var person) || person is null) continue;
            added.Add(new RecognizedMention
            {
                Actor = person, Text = text.Substring(token.Start, token.Length), Start = token.Start, End = token.End,
                FirstToken = t, LastToken = t, Code = person.Code, Country = person.Country, Via = "surname",
            });
        }

        if (added.Count == 0) return;
        mentions.AddRange(added);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static bool IsAbbreviation(string alias) =>
        alias.Length <= 6 && alias.Any(char.IsLetter) && alias.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>What may stand between a country and the role or body it qualifies: "Russian police", "Russia's", "US-". Not a line break: a title's last word does not qualify the next line.</summary>
    internal static bool IsAdjacentBefore(ReadOnlySpan<char> between) => AdjacentBefore().IsMatch(between);

    [GeneratedRegex(@"^([ \t]*|[ \t]*-[ \t]*|['’]s[ \t]+)\z")]
    private static partial Regex AdjacentBefore();

    [GeneratedRegex(@"^\s+(of|in|from)\s+(the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OfBetween();
}
