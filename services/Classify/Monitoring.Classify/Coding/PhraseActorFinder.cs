using System.Text.Json;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Coding;

/// <summary>A name or form of an actor for <see cref="PhraseActorFinder"/>.</summary>
public sealed record ActorEntry(string Form, string Code, string? Sector = null);

/// <summary>
/// An <see cref="IActorFinder"/> over a plain dictionary of names (the country gazetteer, or a
/// fictional one in the PETRARCH regression tests), with role words that give a sector to the actor they
/// qualify: "Chinese police" (CHN, COP), "the government of Gondor" (GON, GOV). A role word alone is no actor:
/// without a country or organisation there is nothing to code.
/// </summary>
public sealed class PhraseActorFinder : IActorFinder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Words that may stand between an actor and its role word: "Chinese riot police", "Russian Federation Security Council".</summary>
    private const int MaxWordsBeforeRole = 2;

    private readonly PhraseMatcher<ActorEntry> _matcher;
    private readonly Dictionary<string, string> _roles;
    private readonly HashSet<string> _modifiers;

    /// <summary>Names from <paramref name="entries"/>, role words and their modifiers from <paramref name="language"/>'s cue words.</summary>
    public PhraseActorFinder(IEnumerable<ActorEntry> entries, CodingLanguage language)
    {
        _roles = language.RoleWords;
        _modifiers = language.RoleModifiers;
        var unambiguous = entries
            .GroupBy(e => e.Form.ToLowerInvariant())
            .Where(group => group.Select(e => (e.Code, e.Sector)).Distinct().Count() == 1)
            .Select(group => group.First());
        _matcher = new PhraseMatcher<ActorEntry>(unambiguous.Select(e => new Phrase<ActorEntry>(
            e.Form, e, ProperNoun: true, CaseSensitive: e.Form.Length <= 6 && e.Form.Any(char.IsLetter) && e.Form.Where(char.IsLetter).All(char.IsUpper))));
    }

    /// <summary>Countries from the gazetteer file the service already loads (<c>Data/countries.json</c>).</summary>
    public static PhraseActorFinder FromGazetteer(string path, CodingLanguage language)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<GazetteerFile>(stream, Json) ?? throw new InvalidDataException($"{path}: empty gazetteer");
        // A demonym shared with a territory ("French": France and the French Southern Territories) goes to the
        // country with the most forms, the one the news means.
        var weight = file.Countries.ToDictionary(c => c.Code, c => c.Forms.Count);
        var entries = file.Countries
            .SelectMany(c => c.Forms.Select(form => new ActorEntry(form, c.Code)))
            .GroupBy(e => e.Form.ToLowerInvariant())
            .SelectMany(group => group.Where(e => e.Code == group.MaxBy(x => weight[x.Code])!.Code));
        return new PhraseActorFinder(entries, language);
    }

    public IReadOnlyList<ActorMention> Find(string text) => Find(text, Tokenizer.Tokenize(text));

    public IReadOnlyList<ActorMention> Find(string text, List<Token> tokens)
    {
        tokens = WithoutPossessives(tokens);
        var matches = _matcher.Match(text, tokens, longestOnly: true);
        var mentions = new List<ActorMention>(matches.Count);
        var t = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var nextStart = i + 1 < matches.Count ? matches[i + 1].Start : int.MaxValue;
            while (t < tokens.Count && tokens[t].Start < match.Start) t++;
            var first = t;
            while (t < tokens.Count && tokens[t].End <= match.End) t++;
            var last = t - 1;
            var entry = match.Phrase.Value;
            int start = match.Start, end = match.End;
            var sector = entry.Sector;

            if (sector is null)
            {
                // "Chinese police", "Gondor's government": a role word right after the name.
                for (var k = last + 1; k < tokens.Count && k <= last + 1 + MaxWordsBeforeRole && tokens[k].Start < nextStart; k++)
                {
                    if (_roles.TryGetValue(tokens[k].Lower, out var role))
                    {
                        sector = role;
                        end = tokens[k].End;
                        break;
                    }

                    if (!IsPlainGap(text, tokens[k - 1], tokens[k]) || !(tokens[k].Capitalized || _modifiers.Contains(tokens[k].Lower))) break;
                }

                // "the government of Gondor", "the Communist Party of China".
                if (sector is null && first >= 2 && tokens[first - 1].Lower == "of")
                {
                    var roleAt = tokens[first - 2].Lower == "the" && first >= 3 ? first - 3 : first - 2;
                    if (_roles.TryGetValue(tokens[roleAt].Lower, out var role))
                    {
                        sector = role;
                        start = tokens[roleAt].Start;
                    }
                }
            }

            if (mentions.Count > 0 && mentions[^1].End > start) start = match.Start;
            if (sector is not null && end < match.End) end = match.End;
            mentions.Add(new ActorMention(start, end, text[start..end], entry.Code, sector));
            t = last + 1;
        }

        return mentions;
    }

    /// <summary>"Gondor's" is one token for the tokenizer; the name is "Gondor".</summary>
    private static List<Token> WithoutPossessives(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            var lower = token.Lower;
            result.Add(lower.Length > 2 && (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal))
                ? token with { Lower = lower[..^2], Length = token.Length - 2 }
                : token);
        }

        return result;
    }

    /// <summary>Only spaces (or a possessive) between two words: a comma or a full stop ends the noun phrase.</summary>
    private static bool IsPlainGap(string text, Token left, Token right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('-' or '\'' or '’' or 's')) return false;
        }

        return true;
    }

    private sealed record GazetteerFile(List<GazetteerCountry> Countries);

    private sealed record GazetteerCountry(string Code, string Name, List<string> Forms);
}
