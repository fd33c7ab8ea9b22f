namespace Monitoring.Classify.Text;

/// <summary>
/// One phrase to look for: its words, what it stands for, whether it must be written as a proper noun (first word
/// capitalised) or exactly as given, and whether a word ending in <c>*</c> is a wildcard (names are taken literally).
/// </summary>
public sealed record Phrase<T>(string Text, T Value, bool ProperNoun = false, bool CaseSensitive = false, bool Wildcards = true);

/// <summary>A phrase found in a text: character offsets <see cref="Start"/>..<see cref="End"/> and token indices.</summary>
public readonly record struct PhraseMatch<T>(Phrase<T> Phrase, int Start, int End, int FirstToken = 0, int TokenCount = 1)
{
    public int LastToken => FirstToken + TokenCount - 1;
}

/// <summary>
/// Finds every dictionary phrase in a text in one pass over its tokens. All phrases are compiled into one trie over
/// words (the goto function of Aho-Corasick over tokens): from each token the walk follows one hash lookup per word
/// and stops where the trie has no edge, so the cost per article depends on the text and the longest phrase, not on
/// the number of phrases. A word ending in <c>*</c> matches any word it prefixes ("terroris*"); it needs at least four
/// letters, which are also its index key. With <c>longestOnly</c>, matches do not overlap and the longest phrase wins
/// ("South Korea" over "Korea"); otherwise every phrase that matches is reported.
/// </summary>
public sealed class PhraseMatcher<T>
{
    public const int WildcardKeyLength = 4;

    private readonly List<Node> _nodes = [new Node()];

    public PhraseMatcher(IEnumerable<Phrase<T>> phrases)
    {
        foreach (var phrase in phrases) Add(phrase);
    }

    public int Count { get; private set; }

    private void Add(Phrase<T> phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase.Text);
        if (tokens.Count == 0) return;

        var node = 0;
        var original = new string[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            original[k] = phrase.Text.Substring(token.Start, token.Length);
            var wildcard = phrase.Wildcards && token.End < phrase.Text.Length && phrase.Text[token.End] == '*';
            if (wildcard && token.Lower.Length < WildcardKeyLength)
            {
                throw new ArgumentException($"'{phrase.Text}': a wildcard word needs at least {WildcardKeyLength} letters before '*'.");
            }

            node = wildcard ? Child(ref _nodes[node].WildcardChildren, token.Lower) : Child(ref _nodes[node].Children, token.Lower);
        }

        (_nodes[node].Outputs ??= []).Add(new Output(phrase, original));
        Count++;
    }

    private int Child(ref Dictionary<string, int>? edges, string word)
    {
        edges ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (edges.TryGetValue(word, out var child)) return child;
        _nodes.Add(new Node());
        edges[word] = _nodes.Count - 1;
        return _nodes.Count - 1;
    }

    public List<PhraseMatch<T>> Match(string text, bool longestOnly) => Match(text, Tokenizer.Tokenize(text), longestOnly);

    public List<PhraseMatch<T>> Match(string text, List<Token> tokens, bool longestOnly)
    {
        var matches = new List<PhraseMatch<T>>();
        var stack = new Stack<(int Node, int Next)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var before = matches.Count;
            stack.Push((0, i));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next >= tokens.Count) continue;
                var word = tokens[next].Lower;
                var current = _nodes[node];
                if (current.Children is not null && current.Children.TryGetValue(word, out var child)) Visit(child, i, next, text, tokens, matches, stack);
                if (current.WildcardChildren is not null)
                {
                    // A wildcard edge is keyed by its prefix: look up every prefix of the word from four letters on.
                    for (var length = WildcardKeyLength; length <= word.Length; length++)
                    {
                        if (current.WildcardChildren.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word.AsSpan(0, length), out child))
                        {
                            Visit(child, i, next, text, tokens, matches, stack);
                        }
                    }
                }
            }

            if (!longestOnly || matches.Count == before)
            {
                i++;
                continue;
            }

            // Keep the longest phrase that starts here (among equals, the exact word before the wildcard, then the first
            // added) and continue after it.
            var best = before;
            for (var m = before + 1; m < matches.Count; m++)
            {
                if (matches[m].TokenCount > matches[best].TokenCount) best = m;
            }

            var kept = matches[best];
            matches.RemoveRange(before, matches.Count - before);
            matches.Add(kept);
            i += kept.TokenCount;
        }

        return matches;
    }

    private void Visit(int node, int first, int last, string text, List<Token> tokens, List<PhraseMatch<T>> matches, Stack<(int, int)> stack)
    {
        var outputs = _nodes[node].Outputs;
        if (outputs is not null)
        {
            foreach (var output in outputs)
            {
                if (output.Accepts(text, tokens, first)) matches.Add(new PhraseMatch<T>(output.Phrase, tokens[first].Start, tokens[last].End, first, last - first + 1));
            }
        }

        if (_nodes[node].Children is not null || _nodes[node].WildcardChildren is not null) stack.Push((node, last + 1));
    }

    private sealed class Node
    {
        public Dictionary<string, int>? Children;
        public Dictionary<string, int>? WildcardChildren;
        public List<Output>? Outputs;
    }

    private sealed record Output(Phrase<T> Phrase, string[] Original)
    {
        public bool Accepts(string text, List<Token> tokens, int at)
        {
            if (Phrase.ProperNoun && !tokens[at].Capitalized) return false;
            if (!Phrase.CaseSensitive) return true;
            for (var k = 0; k < Original.Length; k++)
            {
                var token = tokens[at + k];
                if (!text.AsSpan(token.Start, token.Length).SequenceEqual(Original[k])) return false;
            }

            return true;
        }
    }
}
