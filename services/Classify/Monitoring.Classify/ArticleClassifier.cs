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
}

/// <summary>Tags an article with topics and actors; the text is tokenised once for both.</summary>
public sealed class ArticleClassifier
{
    private readonly Func<TopicTagger> _topics;
    private readonly ActorRecognizer _actors;

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
        var recognition = _actors.Recognize(fullText, tokens);
        return new Classification(_topics().Tag(fullText, tokens), recognition.Countries) { Actors = recognition, Text = fullText };
    }
}
