using Monitoring.Classify.Text;
using Monitoring.Contracts;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitoring.Classify.Taxonomy;

/// <summary>Scores every topic of the taxonomy in one pass over the article's tokens.</summary>
public sealed class TopicTagger
{
    private readonly TaxonomyDefinition _taxonomy;
    private readonly PhraseMatcher<(TopicDefinition Topic, double Weight)> _matcher;

    public TopicTagger(TaxonomyDefinition taxonomy)
    {
        Validate(taxonomy);
        _taxonomy = taxonomy;
        _matcher = new PhraseMatcher<(TopicDefinition, double)>(
            taxonomy.Topics.SelectMany(topic => topic.Terms.Select(term => new Phrase<(TopicDefinition, double)>(term.Key, (topic, term.Value)))));
    }

    public IReadOnlyList<TopicDefinition> Topics => _taxonomy.Topics;

    public static TopicTagger Load(string path)
    {
        TaxonomyDefinition definition;
        try
        {
            definition = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<TaxonomyDefinition>(File.ReadAllText(path));
        }
        catch (YamlException exception)
        {
            throw new TaxonomyException($"{path}:{exception.Start.Line}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }

        try
        {
            return new TopicTagger(definition);
        }
        catch (TaxonomyException exception)
        {
            throw new TaxonomyException($"{path}: {exception.Message}", exception);
        }
    }

    public List<TopicScore> Tag(string text, List<Token> tokens)
    {
        var hits = new Dictionary<(string Topic, string Term), int>();
        var scores = new Dictionary<TopicDefinition, double>();
        var coveredUntil = new Dictionary<TopicDefinition, int>();
        foreach (var match in _matcher.Match(text, tokens, longestOnly: false))
        {
            var (topic, weight) = match.Phrase.Value;

            // Words count once per topic: "anti-terrorism" is one hit, not one for it and one for "terroris*".
            if (match.Start < coveredUntil.GetValueOrDefault(topic)) continue;
            coveredUntil[topic] = match.End;

            var key = (topic.Id, match.Phrase.Text);
            var count = hits.GetValueOrDefault(key);
            if (count >= _taxonomy.MaxHitsPerTerm) continue;
            hits[key] = count + 1;
            scores[topic] = scores.GetValueOrDefault(topic) + weight;
        }

        return scores
            .Where(pair => pair.Value >= pair.Key.Threshold)
            .OrderByDescending(pair => pair.Value)
            .Select(pair => new TopicScore { Id = pair.Key.Id, Score = pair.Value })
            .ToList();
    }

    private static void Validate(TaxonomyDefinition taxonomy)
    {
        if (taxonomy.Topics.Count == 0) throw new TaxonomyException("no topics defined");
        if (taxonomy.MaxHitsPerTerm < 1) throw new TaxonomyException("maxHitsPerTerm must be at least 1");
        foreach (var duplicate in taxonomy.Topics.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            throw new TaxonomyException($"topic id '{duplicate.Key}' is defined {duplicate.Count()} times");
        }

        foreach (var topic in taxonomy.Topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Id)) throw new TaxonomyException("a topic has no id");
            if (topic.Threshold <= 0) throw new TaxonomyException($"topic '{topic.Id}': threshold must be positive");
            if (topic.Terms.Count == 0) throw new TaxonomyException($"topic '{topic.Id}': no terms");
            foreach (var (term, weight) in topic.Terms)
            {
                if (weight <= 0) throw new TaxonomyException($"topic '{topic.Id}', term '{term}': weight must be positive");
                var prefix = term.Split(' ')[0];
                if (prefix.EndsWith('*') && prefix.Length <= 4) throw new TaxonomyException($"topic '{topic.Id}', term '{term}': a wildcard needs at least four letters before '*'");
            }
        }
    }
}
