using System.Text.RegularExpressions;
using Monitoring.Classify.Text;
using Monitoring.Contracts;

namespace Monitoring.Classify.Taxonomy;

/// <summary>
/// Scores every topic of the taxonomy in one pass of one compiled matcher over the article's tokens (EMM-style rules):
/// the score is the sum of the weights of the terms found (each term at most <c>maxHitsPerTerm</c> times, a word
/// counted once per topic); the topic is tagged when the score reaches its threshold, at least <c>minTerms</c>
/// different positive terms matched, every required block matched (within <c>window</c> tokens of a positive term,
/// when set) and no excluded phrase did. Each tag carries its evidence; the evidence weights add up to the score.
/// </summary>
public sealed partial class TopicTagger
{
    private readonly TaxonomyDefinition _taxonomy;
    private readonly Lazy<PhraseMatcher<DictionaryEntry>> _matcher;

    public TopicTagger(TaxonomyDefinition taxonomy)
    {
        Validate(taxonomy);
        _taxonomy = taxonomy;
        Phrases = Rules(taxonomy).ToList();
        _matcher = new Lazy<PhraseMatcher<DictionaryEntry>>(() => new PhraseMatcher<DictionaryEntry>(Phrases));
    }

    /// <summary>Terms, required and excluded phrases, for a matcher shared with other dictionaries (see <see cref="ArticleClassifier"/>).</summary>
    public IReadOnlyList<Phrase<DictionaryEntry>> Phrases { get; }

    public IReadOnlyList<TopicDefinition> Topics => _taxonomy.Topics;

    public int Version => _taxonomy.Version;

    public static TopicTagger Load(string path)
    {
        try
        {
            return new TopicTagger(TaxonomyReader.Parse(File.ReadAllText(path)));
        }
        catch (TaxonomyException exception)
        {
            throw new TaxonomyException(exception.Line > 0 ? $"{path}:{exception.Line}: {exception.Message}" : $"{path}: {exception.Message}", exception);
        }
    }

    public List<TopicScore> Tag(string text, List<Token> tokens) => Score(text, tokens, _matcher.Value.Match(text, tokens, longestOnly: false));

    /// <summary>Scores the topic rules among <paramref name="matches"/> (all matches of a matcher compiled from <see cref="Phrases"/>, possibly with other dictionaries).</summary>
    public List<TopicScore> Score(string text, List<Token> tokens, List<PhraseMatch<DictionaryEntry>> matches)
    {
        var ruleMatches = matches.Where(m => m.Phrase.Value is TopicRule rule && ReferenceEquals(rule.Owner, this)).ToList();

        // Longest phrase first at each position, so "anti-terrorism" is one hit, not one for it and one for "terroris*".
        ruleMatches.Sort((a, b) => a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : b.TokenCount.CompareTo(a.TokenCount));

        var states = new Dictionary<int, TopicState>();
        foreach (var match in ruleMatches)
        {
            var rule = (TopicRule)match.Phrase.Value;
            if (!states.TryGetValue(rule.Topic, out var state)) states[rule.Topic] = state = new TopicState();
            switch (rule.Kind)
            {
                case RuleKind.Term:
                    if (match.FirstToken <= state.CoveredUntil) continue;
                    state.CoveredUntil = match.LastToken;
                    var count = state.HitsPerTerm.GetValueOrDefault(rule.Phrase);
                    if (count >= _taxonomy.MaxHitsPerTerm) continue;
                    state.HitsPerTerm[rule.Phrase] = count + 1;
                    state.Terms.Add((rule, match));
                    break;
                case RuleKind.Required:
                    state.Required.Add((rule, match));
                    break;
                case RuleKind.Excluded:
                    state.Excluded.Add((rule, match));
                    break;
            }
        }

        var scores = new List<TopicScore>();
        foreach (var (index, state) in states)
        {
            var topic = _taxonomy.Topics[index];
            var score = state.Terms.Sum(t => t.Rule.Weight);
            if (score < topic.Threshold) continue;
            var positives = state.Terms.Where(t => t.Rule.Weight > 0).Select(t => t.Match.FirstToken).ToList();
            if (DistinctWords(text, tokens, state.Terms) < (topic.MinTerms ?? _taxonomy.MinTerms)) continue;
            if (state.Excluded.Any(e => Near(e.Match, positives, topic.Window))) continue;

            var evidence = state.Terms.Select(t => Evidence(text, t.Rule, t.Match)).ToList();
            var satisfied = true;
            for (var block = 0; block < topic.Required.Count && satisfied; block++)
            {
                var hit = state.Required.FirstOrDefault(r => r.Rule.Block == block && Near(r.Match, positives, topic.Window));
                if (hit.Rule is null) satisfied = false;
                else evidence.Add(Evidence(text, hit.Rule, hit.Match));
            }

            if (!satisfied) continue;
            evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
            scores.Add(new TopicScore { Id = topic.Id, Score = score, Evidence = evidence });
        }

        scores.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scores;
    }

    // Different terms of one stem are one term: "terrorism" and "terrorist", matched by "terroris*" and "terror*",
    // are a single subject mentioned twice. A match's key is the first five letters of each of its words.
    private static int DistinctWords(string text, List<Token> tokens, List<(TopicRule Rule, PhraseMatch<DictionaryEntry> Match)> terms)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, match) in terms)
        {
            if (rule.Weight <= 0) continue;
            var key = new System.Text.StringBuilder();
            for (var t = match.FirstToken; t <= match.LastToken; t++) key.Append(tokens[t].Lower.AsSpan(0, Math.Min(5, tokens[t].Lower.Length))).Append('|');
            keys.Add(key.ToString());
        }

        return keys.Count;
    }

    private static bool Near(PhraseMatch<DictionaryEntry> match, List<int> positives, int? window) =>
        window is not { } w || positives.Any(p => Math.Abs(p - match.FirstToken) <= w);

    private static MatchEvidence Evidence(string text, TopicRule rule, PhraseMatch<DictionaryEntry> match) => new()
    {
        Rule = rule.Id, Text = text[match.Start..match.End], Start = match.Start, End = match.End,
        Weight = rule.Kind == RuleKind.Term ? rule.Weight : 0,
    };

    private IEnumerable<Phrase<DictionaryEntry>> Rules(TaxonomyDefinition taxonomy)
    {
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            var topic = taxonomy.Topics[t];
            foreach (var (term, weight) in topic.Terms) yield return new Phrase<DictionaryEntry>(term, new TopicRule(this, t, RuleKind.Term, 0, term, weight, $"{topic.Id}/terms/{term}"));
            for (var b = 0; b < topic.Required.Count; b++)
            {
                foreach (var phrase in topic.Required[b]) yield return new Phrase<DictionaryEntry>(phrase, new TopicRule(this, t, RuleKind.Required, b, phrase, 0, $"{topic.Id}/required[{b}]/{phrase}"));
            }

            foreach (var phrase in topic.Excluded) yield return new Phrase<DictionaryEntry>(phrase, new TopicRule(this, t, RuleKind.Excluded, 0, phrase, 0, $"{topic.Id}/excluded/{phrase}"));
        }
    }

    private static void Validate(TaxonomyDefinition taxonomy)
    {
        if (taxonomy.Topics.Count == 0) throw new TaxonomyException("no topics defined", 1);
        if (taxonomy.MaxHitsPerTerm < 1) throw new TaxonomyException("maxHitsPerTerm must be at least 1", 1);
        if (taxonomy.MinTerms < 1) throw new TaxonomyException("minTerms must be at least 1", 1);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
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

    internal enum RuleKind
    {
        Term,
        Required,
        Excluded,
    }

    /// <summary>One phrase of a topic; <see cref="Owner"/> ties it to the tagger whose topic indices it uses.</summary>
    internal sealed record TopicRule(TopicTagger Owner, int Topic, RuleKind Kind, int Block, string Phrase, double Weight, string Id) : DictionaryEntry;

    private sealed class TopicState
    {
        public int CoveredUntil = -1;
        public readonly Dictionary<string, int> HitsPerTerm = new(StringComparer.Ordinal);
        public readonly List<(TopicRule Rule, PhraseMatch<DictionaryEntry> Match)> Terms = [];
        public readonly List<(TopicRule Rule, PhraseMatch<DictionaryEntry> Match)> Required = [];
        public readonly List<(TopicRule Rule, PhraseMatch<DictionaryEntry> Match)> Excluded = [];
    }
}
