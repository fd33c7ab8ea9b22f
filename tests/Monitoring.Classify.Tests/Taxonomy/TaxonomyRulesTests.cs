using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Classify.Taxonomy;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Tests.Taxonomy;

public sealed class TaxonomyRulesTests
{
    private const string Extradition = """
        version: 3
        minTerms: 2
        topics:
          - id: extradition
            name: Extradition
            threshold: 4
            window: 5
            terms:
              extradition: 2
              fugitive: 2
              rugby: -3
            required:
              - [court, minister]
            excluded: [movie]
        """;

    private static TopicTagger Tagger(string yaml) => new(TaxonomyReader.Parse(yaml));

    private static Monitoring.Contracts.TopicScore? Tag(TopicTagger tagger, string text) => tagger.Tag(text, Tokenizer.Tokenize(text)).SingleOrDefault();

    [Fact]
    public void A_topic_needs_its_required_block_near_its_terms()
    {
        var tagger = Tagger(Extradition);

        Assert.NotNull(Tag(tagger, "The court approved the extradition of the fugitive."));
        Assert.Null(Tag(tagger, "The extradition of the fugitive was approved."));
        Assert.Null(Tag(tagger, "The court met. Then for a long while nothing at all happened here. Later the extradition of the fugitive was approved."));
    }

    [Fact]
    public void An_excluded_phrase_vetoes_the_topic_and_negative_weights_count_against_it()
    {
        var tagger = Tagger(Extradition);

        Assert.Null(Tag(tagger, "In the movie the court orders the extradition of a fugitive."));
        Assert.Null(Tag(tagger, "The rugby court drama: extradition of a fugitive."));
    }

    [Fact]
    public void One_term_repeated_is_a_passing_mention_not_a_topic()
    {
        var tagger = Tagger(Extradition);

        Assert.Null(Tag(tagger, "The court: extradition, extradition, extradition."));
    }

    [Fact]
    public void The_score_is_the_sum_of_the_evidence_weights_and_offsets_point_at_the_words()
    {
        const string text = "The court approved the extradition\nof the fugitive.";

        var topic = Tag(Tagger(Extradition), text)!;

        Assert.Equal(topic.Score, topic.Evidence!.Sum(e => e.Weight));
        Assert.All(topic.Evidence!, e => Assert.Equal(e.Text, text[e.Start..e.End]));
        Assert.Equal(["extradition/required[0]/court", "extradition/terms/extradition", "extradition/terms/fugitive"], topic.Evidence!.Select(e => e.Rule));
    }

    [Theory]
    [InlineData("version: 1\ntopics:\n  - id: a\n    treshold: 1\n", 4, "unknown key 'treshold'")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 2\n    terms:\n      ok: 1\n      bad: zero\n", 7, "term 'bad': 'zero' is not a number")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 2\n    terms:\n      ok: 1\n      te*: 1\n", 7, "a wildcard needs at least four letters")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 2\n    terms: { x: 1 }\n  - id: a\n    threshold: 2\n    terms: { y: 1 }\n", 6, "topic id 'a' is defined twice")]
    [InlineData("version: 1\ntopics:\n  - id: Bad Id\n    threshold: 2\n    terms: { x: 1 }\n", 3, "lower-case letters")]
    [InlineData("version: 1\ntopics:\n  - id: a\n    threshold: 2\n    window: 0\n    terms: { x: 1 }\n", 5, "window must be at least 1")]
    public void Semantic_errors_name_the_line_and_the_problem(string yaml, int line, string problem)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<TaxonomyException>(() => TopicTagger.Load(path));

        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_change_is_rejected_and_the_last_good_taxonomy_stays_in_use()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, Extradition);
        using var provider = new TaxonomyProvider(path, NullLogger<TaxonomyProvider>.Instance, watch: false);

        File.WriteAllText(path, Extradition.Replace("threshold: 4", "threshold: -4", StringComparison.Ordinal));
        Assert.False(provider.Reload());

        Assert.Equal(3, provider.Current.Version);
        Assert.Contains(":6: topic 'extradition': threshold must be positive", provider.LastError, StringComparison.Ordinal);
        File.WriteAllText(path, Extradition.Replace("version: 3", "version: 4", StringComparison.Ordinal));
        Assert.True(provider.Reload());
        Assert.Equal(4, provider.Current.Version);
        Assert.Null(provider.LastError);
    }

    [Fact]
    public void The_classifier_uses_a_reloaded_taxonomy_from_the_next_article()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, Extradition);
        using var provider = new TaxonomyProvider(path, NullLogger<TaxonomyProvider>.Instance, watch: false);
        var classifier = new Monitoring.Classify.ArticleClassifier(provider, Classifiers.Actors);
        const string text = "A Moscow court ordered the extradition of a fugitive wanted by Interpol.";
        Assert.Equal(["extradition"], classifier.Classify(null, text).Topics.Select(t => t.Id));

        File.WriteAllText(path, Extradition.Replace("rugby: -3", "interpol: 1", StringComparison.Ordinal));
        Assert.True(provider.Reload());

        var result = classifier.Classify(null, text);
        Assert.Equal(5, result.Topics.Single().Score);
        Assert.Contains(result.Actors.Actors, a => a.Code == "INTERPOL");
    }

    [Fact]
    public async Task The_file_is_reloaded_when_it_changes()
    {
        var directory = Directory.CreateTempSubdirectory();
        var path = Path.Combine(directory.FullName, "taxonomy.yaml");
        File.WriteAllText(path, Extradition);
        using var provider = new TaxonomyProvider(path, NullLogger<TaxonomyProvider>.Instance);

        File.WriteAllText(path, "version: 9\ntopics: [oops");
        File.WriteAllText(path, Extradition.Replace("version: 3", "version: 5", StringComparison.Ordinal));

        await Eventually.HoldsAsync(() => provider.Current.Version == 5, "the changed taxonomy is in use", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_shipped_taxonomy_has_at_least_25_topics_and_the_stable_ids()
    {
        var tagger = TopicTagger.Load(Classifiers.DataFile("taxonomy.yaml"));

        Assert.True(tagger.Topics.Count >= 25, $"{tagger.Topics.Count} topics");
        string[] stable = ["diplomacy", "security-cooperation", "law-enforcement", "counter-terrorism", "cybersecurity", "transnational-crime"];
        Assert.Empty(stable.Except(tagger.Topics.Select(t => t.Id)));
    }
}
