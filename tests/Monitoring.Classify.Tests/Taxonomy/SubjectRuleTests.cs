using Monitoring.Classify.Taxonomy;
using Monitoring.Classify.Text;

namespace Monitoring.Classify.Tests.Taxonomy;

/// <summary>The rules that decide what an article is about rather than what it mentions: title, plurals, share of the main subject, parties, precedence.</summary>
public sealed class SubjectRuleTests
{
    private static TopicTagger Tagger(string yaml) => new(TaxonomyReader.Parse(yaml));

    private static List<string> Topics(TopicTagger tagger, string? title, string text, int parties = int.MaxValue)
    {
        var full = title is null ? text : title + "\n" + text;
        return tagger.Tag(full, Tokenizer.Tokenize(full), title?.Length ?? 0, parties).Select(t => t.Id).ToList();
    }

    private const string Sanctions = """
        version: 1
        minTerms: 2
        titleWeight: 2
        inflect: true
        topics:
          - id: sanctions
            threshold: 6
            terms: { sanction: 3, embargo: 3 }
        """;

    [Fact]
    public void A_term_the_title_names_counts_twice_and_is_the_subject_on_its_own()
    {
        var tagger = Tagger(Sanctions);

        Assert.Equal(["sanctions"], Topics(tagger, "New sanctions on oil exports", "The measures hit tankers. Officials defended the sanctions."));
        Assert.Empty(Topics(tagger, "Oil exports fall", "The measures hit tankers. Officials defended the sanctions, the sanctions and the sanctions."));
    }

    [Fact]
    public void English_plurals_match_the_term_written_in_the_singular_but_other_forms_do_not()
    {
        var tagger = Tagger(Sanctions.Replace("{ sanction: 3, embargo: 3 }", "{ sanction: 3, embargo: 3, accord: 3 }", StringComparison.Ordinal));

        Assert.Equal(["sanctions"], Topics(tagger, null, "Sanctions and embargoes followed."));
        Assert.Empty(Topics(tagger, null, "According to the embargo, nothing moved."));
    }

    [Fact]
    public void A_side_subject_yields_to_the_main_one_by_share_and_by_precedence()
    {
        var tagger = Tagger("""
            version: 1
            minTerms: 1
            topics:
              - id: counter-terrorism
                threshold: 2
                terms: { militants: 3, attack: 3 }
              - id: law-enforcement
                threshold: 2
                yieldsTo: [counter-terrorism]
                terms: { police: 2, arrested: 2 }
              - id: weather
                threshold: 1
                minShare: 0.5
                terms: { rain: 1 }
            """);

        Assert.Equal(["counter-terrorism"], Topics(tagger, null, "Militants attack a base; police arrested two. Rain fell."));
        Assert.Equal(["law-enforcement"], Topics(tagger, null, "The police arrested two suspects."));
        Assert.Equal(["weather"], Topics(tagger, null, "Rain, rain."));
    }

    [Fact]
    public void A_topic_between_states_needs_two_parties()
    {
        var tagger = Tagger("""
            version: 1
            topics:
              - id: tariffs-trade-disputes
                threshold: 3
                minParties: 2
                terms: { tariff: 3 }
            """);

        Assert.Empty(Topics(tagger, null, "A tariff on imports.", parties: 1));
        Assert.Equal(["tariffs-trade-disputes"], Topics(tagger, null, "A tariff on imports.", parties: 2));
    }

    [Theory]
    [InlineData("titleWeight: 0.5\ntopics:\n  - { id: a, threshold: 1, terms: { x: 1 } }", "titleWeight")]
    [InlineData("topics:\n  - { id: a, threshold: 1, minShare: 1.5, terms: { x: 1 } }", "minShare")]
    [InlineData("topics:\n  - { id: a, threshold: 1, yieldsTo: [b], terms: { x: 1 } }", "yieldsTo names 'b', which is not a topic")]
    [InlineData("topics:\n  - { id: a, threshold: 1, minParties: 0, terms: { x: 1 } }", "minParties")]
    public void New_keys_are_validated(string yaml, string problem)
    {
        var error = Assert.Throws<TaxonomyException>(() => Tagger("version: 1\n" + yaml));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
