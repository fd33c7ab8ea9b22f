using Monitoring.Classify.Actors;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Places;

/// <summary>
/// Finds the names of places in a text: at each capitalised token, the longest run of tokens (joined by spaces or
/// hyphens only) that the gazetteer knows. A name inside a person's or an organisation's name ("Washington Post",
/// "Jackson Lee") is not a place; nor is one of <see cref="PlaceGazetteer.NotPlaces"/>.
/// </summary>
public sealed class PlaceFinder(PlaceGazetteer gazetteer)
{
    public List<PlaceMention> Find(string text, List<Token> tokens, ActorRecognition actors)
    {
        var mentions = new List<PlaceMention>();
        var blocked = actors.Mentions.Where(m => m.Actor.Type is ActorType.Person or ActorType.Organisation).ToList();
        var b = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Capitalized || char.IsDigit(text[tokens[i].Start])) continue;
            while (b < blocked.Count && blocked[b].End <= tokens[i].Start) b++;
            if (b < blocked.Count && blocked[b].Start <= tokens[i].Start) continue;
            var found = Longest(text, tokens, i);
            if (found is not { } match) continue;
            var (end, candidates) = match;
            var span = (Start: tokens[i].Start, End: tokens[end - 1].End);
            if (b < blocked.Count && blocked[b].Start < span.End) continue;
            mentions.Add(new PlaceMention(span.Start, span.End, text[span.Start..span.End], candidates, IsSentenceStart(text, span.Start))
            {
                InLongerName = NameBefore(text, tokens, i) || end < tokens.Count && IsNameWord(text, tokens[end]) && Joined(text, tokens[end - 1].End, tokens[end].Start),
            });
            i = end - 1;
        }

        return mentions;
    }

    private (int End, IReadOnlyList<NamedEntry> Candidates)? Longest(string text, List<Token> tokens, int first)
    {
        // The run's key grows a word at a time while some name starts with it (PlaceGazetteer.StartsName): a longer run
        // than that cannot be a name, and most capitalised words start none longer than themselves. Each shorter run's
        // key is a prefix of the longest one's (PlaceGazetteer.Key).
        Span<char> buffer = gazetteer.LongestKey <= 256 ? stackalloc char[gazetteer.LongestKey] : new char[gazetteer.LongestKey];
        Span<int> ends = gazetteer.LongestName <= 32 ? stackalloc int[gazetteer.LongestName] : new int[gazetteer.LongestName];
        var words = 0;
        for (int t = first, at = 0; t < tokens.Count && words < gazetteer.LongestName; t++)
        {
            if (t > first && !Joined(text, tokens[t - 1].End, tokens[t].Start)) break;
            var folded = PlaceGazetteer.Fold(tokens[t].Lower);
            var length = at + (words > 0 ? 1 : 0) + folded.Length;
            if (length > buffer.Length) break;
            if (words > 0) buffer[at++] = ' ';
            folded.CopyTo(buffer[at..]);
            at = length;
            if (!gazetteer.StartsName(buffer[..at])) break;
            ends[words++] = at;
        }

        var last = first + words - 1;
        for (var end = last + 1; end > first; end--)
        {
            var key = buffer[..ends[end - 1 - first]];
            var candidates = gazetteer.Find(key);
            if (candidates.Count == 0) continue;
            if (gazetteer.IsNotPlace(key)) return null;
            // The last word of a longer name is capitalised too ("Sierra Leone", not "Sierra leone"-like common-word runs).
            if (end - first > 1 && !tokens[end - 1].Capitalized && !IsParticle(tokens[end - 1].Lower)) continue;
            return (end, candidates);
        }

        return null;
    }

    // Names such as "Rio de Janeiro", "Valle del Cauca", "Bosnia and Herzegovina" hold lower-case particles.
    private static bool IsParticle(string word) => word is "de" or "del" or "la" or "las" or "los" or "and" or "of" or "y" or "el" or "da" or "do" or "al" or "an";

    private static bool Joined(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!(text[i] is ' ' or '-' or '\u00A0')) return false;
        }

        return to - from is >= 1 and <= 2;
    }

    // A capitalised word before the name (through particles: "Memorial de la Resistencia") that does not open the sentence.
    private static bool NameBefore(string text, List<Token> tokens, int first)
    {
        var i = first - 1;
        while (i >= 0 && IsParticle(tokens[i].Lower) && Joined(text, tokens[i].End, tokens[i + 1].Start)) i--;
        return i >= 0 && i < first && Joined(text, tokens[i].End, tokens[i + 1].Start) && IsNameWord(text, tokens[i]) && !IsSentenceStart(text, tokens[i].Start);
    }

    // Capitalised but not in capitals throughout: a headline or a list in capitals says nothing about names.
    private static bool IsNameWord(string text, Token token) =>
        token.Capitalized && char.IsUpper(text[token.Start]) && !(token.Length > 1 && !text.AsSpan(token.Start, token.Length).ContainsAnyInRange('a', 'z') && !HasLower(text, token));

    private static bool HasLower(string text, Token token)
    {
        foreach (var c in text.AsSpan(token.Start, token.Length))
        {
            if (char.IsLower(c)) return true;
        }

        return false;
    }

    private static bool IsSentenceStart(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '«' or '¿' or '¡' or '-' or '—')) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or ':';
    }
}
