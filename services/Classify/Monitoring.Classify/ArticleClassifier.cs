using Monitoring.Classify.Gazetteer;
using Monitoring.Classify.Taxonomy;
using Monitoring.Classify.Text;
using Monitoring.Contracts;

namespace Monitoring.Classify;

public sealed record Classification(IReadOnlyList<TopicScore> Topics, IReadOnlyList<string> Countries);

/// <summary>Tags an article with topics and countries; the text is tokenised once for both.</summary>
public sealed class ArticleClassifier(TopicTagger topics, CountryGazetteer countries)
{
    public Classification Classify(string? title, string text)
    {
        var fullText = string.IsNullOrWhiteSpace(title) || text.StartsWith(title, StringComparison.Ordinal) ? text : title + "\n" + text;
        var tokens = Tokenizer.Tokenize(fullText);
        return new Classification(topics.Tag(fullText, tokens), countries.Find(fullText, tokens));
    }
}
