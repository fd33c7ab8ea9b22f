using Monitoring.Classify.Actors;
using Monitoring.Classify.Taxonomy;
using Monitoring.Classify.Text;
using Monitoring.Contracts;

namespace Monitoring.Classify;

public sealed record Classification(IReadOnlyList<TopicScore> Topics, IReadOnlyList<string> Countries)
{
    public ActorRecognition Actors { get; init; } = new([]);

    /// <summary>The text that was classified (title and body): evidence offsets refer to it.</summary>
    public string Text { get; init; } = "";

    /// <summary>The tokens of <see cref="Text"/>, for the event coder to reuse.</summary>
    public List<Token> Tokens { get; init; } = [];

    /// <summary>Where the body starts in <see cref="Text"/>: 0, or after the title and its line break.</summary>
    public int BodyStart { get; init; }
}

/// <summary>
/// Tags an article with topics and actors: the text is tokenised once and walked once by one matcher compiled from
/// the taxonomy and the actor dictionaries together, rebuilt when the taxonomy is reloaded.
/// </summary>
public sealed class ArticleClassifier
{
    private readonly Func<TopicTagger> _topics;
    private readonly ActorRecognizer _actors;
    private readonly Lock _compiling = new();
    private volatile Compiled? _compiled;

    public ArticleClassifier(TopicTagger topics, ActorRecognizer actors)
    {
        _topics = () => topics;
        _actors = actors;
    }

    /// <summary>Classifies with whatever taxonomy the provider holds at the time: reloads apply to the next article.</summary>
    public ArticleClassifier(TaxonomyProvider topics, ActorRecognizer actors)
    {
        _topics = () => topics.Current;
        _actors = actors;
    }

    public Classification Classify(string? title, string text)
    {
        var fullText = string.IsNullOrWhiteSpace(title) || text.StartsWith(title, StringComparison.Ordinal) ? text : title + "\n" + text;
        var tokens = Tokenizer.Tokenize(fullText);
        if (!TextQuality.IsReadable(fullText))
        {
            return new Classification([], []) { Actors = ActorRecognizer.None, Text = fullText, Tokens = tokens, BodyStart = fullText.Length - text.Length };
        }

        var compiled = Compile(_topics());
        var matches = compiled.Matcher.Match(fullText, tokens, longestOnly: false);
        var recognition = _actors.Resolve(fullText, tokens, matches);
        var titleEnd = string.IsNullOrWhiteSpace(title) ? 0 : title.Length;
        return new Classification(compiled.Tagger.Score(fullText, tokens, matches, titleEnd, Parties(recognition)), recognition.Countries)
        {
            Actors = recognition, Text = fullText, Tokens = tokens, BodyStart = fullText.Length - text.Length,
        };
    }

    // The parties an article names: countries, organisations, and the countries of the people and role words named.
    private static int Parties(ActorRecognition recognition)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in recognition.Mentions)
        {
            if (mention.Code.Length > 0) codes.Add(mention.Code);
        }

        return codes.Count;
    }

    private Compiled Compile(TopicTagger tagger)
    {
        var compiled = _compiled;
        if (compiled is not null && ReferenceEquals(compiled.Tagger, tagger)) return compiled;
        lock (_compiling)
        {
            if (_compiled is { } current && ReferenceEquals(current.Tagger, tagger)) return current;
            _compiled = new Compiled(tagger, new PhraseMatcher<DictionaryEntry>(tagger.Phrases.Concat(_actors.Phrases)));
            return _compiled;
        }
    }

    private sealed record Compiled(TopicTagger Tagger, PhraseMatcher<DictionaryEntry> Matcher);
}
