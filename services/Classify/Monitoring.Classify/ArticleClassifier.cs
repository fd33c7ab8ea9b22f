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
public sealed class ArticleClassifier(TopicTagger topics, ActorRecognizer actors)
{
    public Classification Classify(string? title, string text)
    {
        var fullText = string.IsNullOrWhiteSpace(title) || text.StartsWith(title, StringComparison.Ordinal) ? text : title + "\n" + text;
        var tokens = Tokenizer.Tokenize(fullText);
        var recognition = actors.Recognize(fullText, tokens);
        return new Classification(topics.Tag(fullText, tokens), recognition.Countries) { Actors = recognition, Text = fullText };
    }
}
