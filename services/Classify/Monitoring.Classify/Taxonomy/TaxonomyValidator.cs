using System.Text.RegularExpressions;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Taxonomy;

/// <summary>The semantic checks of a taxonomy (the reader checks its syntax); every error names the line.</summary>
public static partial class TaxonomyValidator
{
    public static void Validate(TaxonomyDefinition taxonomy)
    {
        if (taxonomy.Topics.Count == 0) throw new TaxonomyException("no topics defined", 1);
        if (taxonomy.MaxHitsPerTerm < 1) throw new TaxonomyException("maxHitsPerTerm must be at least 1", 1);
        if (taxonomy.MinTerms < 1) throw new TaxonomyException("minTerms must be at least 1", 1);
        if (taxonomy.TitleWeight is < 1 or > 10 || double.IsNaN(taxonomy.TitleWeight)) throw new TaxonomyException("titleWeight must be between 1 and 10", 1);
        if (taxonomy.MinShare is < 0 or >= 1 || double.IsNaN(taxonomy.MinShare)) throw new TaxonomyException("minShare must be at least 0 and below 1", 1);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = taxonomy.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in taxonomy.Topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Id)) throw new TaxonomyException("a topic has no id", topic.Line);
            if (!TopicId().IsMatch(topic.Id)) throw new TaxonomyException($"topic id '{topic.Id}': use lower-case letters, digits and hyphens", topic.Line);
            if (!seen.TryAdd(topic.Id, topic.Line)) throw new TaxonomyException($"topic id '{topic.Id}' is defined twice (first at line {seen[topic.Id]})", topic.Line);
            var where = $"topic '{topic.Id}'";
            if (topic.Threshold <= 0) throw new TaxonomyException($"{where}: threshold must be positive", topic.KeyLines.GetValueOrDefault("threshold", topic.Line));
            if (topic.Terms.Count == 0) throw new TaxonomyException($"{where}: no terms", topic.KeyLines.GetValueOrDefault("terms", topic.Line));
            if (!topic.Terms.Values.Any(w => w > 0)) throw new TaxonomyException($"{where}: no term has a positive weight", topic.Line);
            if (topic.Window is < 1) throw new TaxonomyException($"{where}: window must be at least 1 token", topic.KeyLines.GetValueOrDefault("window", topic.Line));
            if (topic.MinTerms is < 1) throw new TaxonomyException($"{where}: minTerms must be at least 1", topic.KeyLines.GetValueOrDefault("minTerms", topic.Line));
            if (topic.YieldsTo.FirstOrDefault(y => !ids.Contains(y) || y == topic.Id) is { } unknown)
            {
                throw new TaxonomyException($"{where}: yieldsTo names '{unknown}', which is {(unknown == topic.Id ? "the topic itself" : "not a topic")}", topic.KeyLines.GetValueOrDefault("yieldsTo", topic.Line));
            }

            if (topic.MinParties is < 1) throw new TaxonomyException($"{where}: minParties must be at least 1", topic.KeyLines.GetValueOrDefault("minParties", topic.Line));
            if (topic.MinShare is < 0 or >= 1) throw new TaxonomyException($"{where}: minShare must be at least 0 and below 1", topic.KeyLines.GetValueOrDefault("minShare", topic.Line));
            foreach (var (term, weight) in topic.Terms)
            {
                if (weight == 0 || double.IsNaN(weight)) throw new TaxonomyException($"{where}, term '{term}': weight must be non-zero", topic.Lines.GetValueOrDefault(term, topic.Line));
            }

            if (topic.Required.Any(block => block.Count == 0)) throw new TaxonomyException($"{where}: a required block is empty", topic.KeyLines.GetValueOrDefault("required", topic.Line));
            foreach (var phrase in topic.Terms.Keys.Concat(topic.Required.SelectMany(b => b)).Concat(topic.Excluded))
            {
                var line = topic.Lines.GetValueOrDefault(phrase, topic.Line);
                if (Tokenizer.Tokenize(phrase).Count == 0) throw new TaxonomyException($"{where}: '{phrase}' has no words", line);
                foreach (Match wildcard in Wildcard().Matches(phrase))
                {
                    if (wildcard.Groups[1].Length < PhraseMatcher<DictionaryEntry>.WildcardKeyLength) throw new TaxonomyException($"{where}, term '{phrase}': a wildcard needs at least four letters before '*'", line);
                }
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TopicId();

    [GeneratedRegex(@"(\w*)\*")]
    private static partial Regex Wildcard();
}
