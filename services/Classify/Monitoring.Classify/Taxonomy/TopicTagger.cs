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
public sealed class TopicTagger
{
    private readonly TaxonomyDefinition _taxonomy;
    private readonly Dictionary<string, int> _index;
    private readonly Lazy<PhraseMatcher<DictionaryEntry>> _matcher;

    public TopicTagger(TaxonomyDefinition taxonomy)
    {
        TaxonomyValidator.Validate(taxonomy);
        _taxonomy = taxonomy;
        _index = taxonomy.Topics.Select((topic, i) => (topic.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
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

    public List<TopicScore> Tag(string text, List<Token> tokens, int titleEnd = 0, int parties = int.MaxValue) =>
        Score(text, tokens, _matcher.Value.Match(text, tokens, longestOnly: false), titleEnd, parties);

    /// <summary>
    /// Scores the topic rules among <paramref name="matches"/> (all matches of a matcher compiled from <see cref="Phrases"/>,
    /// possibly with other dictionaries). Text before <paramref name="titleEnd"/> is the title; <paramref name="parties"/>
    /// is how many different countries and organisations the article names (for <see cref="TopicDefinition.MinParties"/>).
    /// </summary>
    public List<TopicScore> Score(string text, List<Token> tokens, List<PhraseMatch<DictionaryEntry>> matches, int titleEnd = 0, int parties = int.MaxValue)
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
            var score = state.Terms.Sum(t => Weight(t.Rule, t.Match, titleEnd));
            if (score < topic.Threshold || parties < (topic.MinParties ?? 0)) continue;
            var positives = state.Terms.Where(t => t.Rule.Weight > 0).Select(t => t.Match.FirstToken).ToList();

            // One term repeated is a passing mention, unless the title names it: then it is what the article is about.
            var inTitle = state.Terms.Any(t => t.Rule.Weight > 0 && t.Match.Start < titleEnd) ? 1 : 0;
            if (DistinctWords(text, tokens, state.Terms) + inTitle < (topic.MinTerms ?? _taxonomy.MinTerms)) continue;
            if (state.Excluded.Any(e => Near(e.Match, positives, topic.Window))) continue;

            var evidence = state.Terms.Select(t => Evidence(text, t.Rule, t.Match, Weight(t.Rule, t.Match, titleEnd))).ToList();
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
        if (scores.Count > 1) scores.RemoveAll(s => s.Score < ShareOf(s.Id) * scores[0].Score);
        if (scores.Count > 1) scores.RemoveAll(s => Topic(s.Id).YieldsTo.Any(y => scores.Any(other => other.Id == y && other.Score > s.Score)));
        return scores;
    }

    private TopicDefinition Topic(string topicId) => _taxonomy.Topics[_index[topicId]];

    private double ShareOf(string topicId) => Topic(topicId).MinShare ?? _taxonomy.MinShare;

    private double Weight(TopicRule rule, PhraseMatch<DictionaryEntry> match, int titleEnd) =>
        match.Start < titleEnd && rule.Weight > 0 ? rule.Weight * _taxonomy.TitleWeight : rule.Weight;

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

    private static MatchEvidence Evidence(string text, TopicRule rule, PhraseMatch<DictionaryEntry> match, double weight = 0) => new()
    {
        Rule = rule.Id, Text = text[match.Start..match.End], Start = match.Start, End = match.End, Weight = weight,
    };

    private IEnumerable<Phrase<DictionaryEntry>> Rules(TaxonomyDefinition taxonomy)
    {
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            var topic = taxonomy.Topics[t];
            foreach (var (term, weight) in topic.Terms)
            {
                foreach (var phrase in Forms(taxonomy, term)) yield return new Phrase<DictionaryEntry>(phrase, new TopicRule(this, t, RuleKind.Term, 0, term, weight, $"{topic.Id}/terms/{term}"));
            }

            for (var b = 0; b < topic.Required.Count; b++)
            {
                foreach (var required in topic.Required[b])
                {
                    foreach (var phrase in Forms(taxonomy, required)) yield return new Phrase<DictionaryEntry>(phrase, new TopicRule(this, t, RuleKind.Required, b, required, 0, $"{topic.Id}/required[{b}]/{required}"));
                }
            }

            foreach (var excluded in topic.Excluded)
            {
                foreach (var phrase in Forms(taxonomy, excluded)) yield return new Phrase<DictionaryEntry>(phrase, new TopicRule(this, t, RuleKind.Excluded, 0, excluded, 0, $"{topic.Id}/excluded/{excluded}"));
            }
        }
    }

    private static IEnumerable<string> Forms(TaxonomyDefinition taxonomy, string phrase) => taxonomy.Inflect ? EnglishInflection.PhraseForms(phrase) : [phrase];

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
