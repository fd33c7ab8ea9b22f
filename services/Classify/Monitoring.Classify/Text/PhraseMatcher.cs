namespace Monitoring.Classify.Text;

/// <summary>One phrase to look for: its words, whether it must be written as a proper noun, and what it stands for.</summary>
public sealed record Phrase<T>(string Text, T Value, bool ProperNoun = false, bool CaseSensitive = false);

public readonly record struct PhraseMatch<T>(Phrase<T> Phrase, int Start, int End);

/// <summary>
/// Finds every dictionary phrase in a text in one pass over its tokens. Phrases are indexed by their first
/// word, so the cost per token is a hash lookup and does not grow with the number of phrases. A word
/// ending in <c>*</c> matches any word it prefixes ("terroris*"); such a first word needs at least four letters.
/// With <c>longestOnly</c>, matches do not overlap and the longest phrase wins ("South Korea" over "Korea");
/// otherwise every phrase that matches is reported, overlapping or not.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private const int PrefixKeyLength = 4;

    private readonly Dictionary<string, List<Compiled>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Compiled>> _byFirstPrefix = new(StringComparer.Ordinal);

    public PhraseMatcher(IEnumerable<Phrase<T>> phrases)
    {
        foreach (var phrase in phrases)
        {
            var tokens = Tokenizer.Tokenize(phrase.Text);
            if (tokens.Count == 0) continue;

            var words = tokens.Select(t => IsWildcard(phrase.Text, t) ? t.Lower + "*" : t.Lower).ToArray();
            var compiled = new Compiled(phrase, words, tokens.Select(t => phrase.Text.Substring(t.Start, t.Length)).ToArray());
            var first = words[0];
            if (first.EndsWith('*'))
            {
                var prefix = first[..^1];
                if (prefix.Length < PrefixKeyLength)
                {
                    throw new ArgumentException($"'{phrase.Text}': a wildcard word needs at least {PrefixKeyLength} letters before '*'.");
                }

                Add(_byFirstPrefix, prefix[..PrefixKeyLength], compiled);
            }
            else
            {
                Add(_byFirstWord, first, compiled);
            }
        }
    }

    public List<PhraseMatch<T>> Match(string text, bool longestOnly) => Match(text, Tokenizer.Tokenize(text), longestOnly);

    public List<PhraseMatch<T>> Match(string text, List<Token> tokens, bool longestOnly)
    {
        var matches = new List<PhraseMatch<T>>();
        var found = new List<Compiled>();
        var i = 0;
        while (i < tokens.Count)
        {
            found.Clear();
            var token = tokens[i];
            if (_byFirstWord.TryGetValue(token.Lower, out var candidates)) Collect(candidates, text, tokens, i, found);
            if (token.Lower.Length >= PrefixKeyLength && _byFirstPrefix.TryGetValue(token.Lower[..PrefixKeyLength], out candidates))
            {
                Collect(candidates, text, tokens, i, found);
            }

            if (found.Count == 0)
            {
                i++;
                continue;
            }

            if (longestOnly)
            {
                var best = found.MaxBy(c => c.Words.Length)!;
                matches.Add(new PhraseMatch<T>(best.Phrase, token.Start, tokens[i + best.Words.Length - 1].End));
                i += best.Words.Length;
                continue;
            }

            foreach (var phrase in found.OrderByDescending(c => c.Words.Length))
            {
                matches.Add(new PhraseMatch<T>(phrase.Phrase, token.Start, tokens[i + phrase.Words.Length - 1].End));
            }

            i++;
        }

        return matches;
    }

    private static void Collect(List<Compiled> candidates, string text, List<Token> tokens, int at, List<Compiled> found)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Matches(text, tokens, at)) found.Add(candidate);
        }
    }

    private static bool IsWildcard(string text, Token token) => token.End < text.Length && text[token.End] == '*';

    private static void Add(Dictionary<string, List<Compiled>> index, string key, Compiled phrase)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(phrase);
    }

    private sealed record Compiled(Phrase<T> Phrase, string[] Words, string[] Original)
    {
        public bool Matches(string text, List<Token> tokens, int at)
        {
            if (at + Words.Length > tokens.Count) return false;
            if (Phrase.ProperNoun && !tokens[at].Capitalized) return false;
            for (var k = 0; k < Words.Length; k++)
            {
                var word = Words[k];
                var token = tokens[at + k];
                var matches = word.EndsWith('*')
                    ? token.Lower.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal)
                    : token.Lower == word;
                if (!matches) return false;
                if (Phrase.CaseSensitive && !text.AsSpan(token.Start, token.Length).SequenceEqual(Original[k])) return false;
            }

            return true;
        }
    }
}
