using Monitoring.Classify.Taxonomy;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Tests.Taxonomy;

public sealed class TopicTaggerTests
{
    private static TopicTagger Tagger(double threshold, params (string Term, double Weight)[] terms) => new(new TaxonomyDefinition
    {
        Version = 1,
        MaxHitsPerTerm = 2,
        Topics = [new TopicDefinition { Id = "t", Name = "T", Threshold = threshold, Terms = terms.ToDictionary(t => t.Term, t => t.Weight) }],
    });

    private static double? Score(TopicTagger tagger, string text) =>
        tagger.Tag(text, Tokenizer.Tokenize(text)).SingleOrDefault()?.Score;

    [Fact]
    public void Weights_add_up_and_the_topic_appears_only_at_its_threshold()
    {
        var tagger = Tagger(3, ("police", 1), ("extradition", 2));

        Assert.Null(Score(tagger, "The police came."));
        Assert.Equal(3, Score(tagger, "The police asked for extradition."));
    }

    [Fact]
    public void A_term_counts_at_most_max_hits_per_term_times()
    {
        var tagger = Tagger(1, ("police", 1));

        Assert.Equal(2, Score(tagger, "police police police police"));
    }

    [Fact]
    public void A_wildcard_matches_every_word_it_begins_and_phrases_span_line_breaks()
    {
        var tagger = Tagger(1, ("terroris*", 1), ("judicial assistance", 5));

        Assert.Equal(2, Score(tagger, "Terrorist groups and terrorism."));
        Assert.Equal(5, Score(tagger, "requests for judicial\nassistance"));
    }

    [Fact]
    public void Invalid_yaml_names_the_file_and_line()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "version: 1\ntopics:\n  - id: a\n    threshold: 1: 2\n    terms: { x: 1 }\n");

        var error = Assert.Throws<TaxonomyException>(() => TopicTagger.Load(path));

        Assert.StartsWith($"{path}:4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 1\ntopics: []\n", "no topics")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 0\n    terms: { x: 1 }\n", "threshold must be positive")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 1\n    terms: { x: 1 }\n  - id: a\n    threshold: 1\n    terms: { y: 1 }\n", "is defined twice")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 1\n    terms: { 'ab*': 1 }\n", "at least four letters")]
    public void Invalid_taxonomies_are_refused_with_the_problem_named(string yaml, string problem)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<TaxonomyException>(() => TopicTagger.Load(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
