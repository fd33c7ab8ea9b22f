using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>What a sentence tells only as background, or only as possible (our own sentences, sixth pass).</summary>
public sealed class EventCoderBackgroundTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text);

    [Fact]
    public void A_relative_clause_is_background_where_the_sentence_reports_something_else()
    {
        var dyads = Dyads("Kenya condemned the bombing of a market in Uganda, which killed twelve people.");
        Assert.Contains(dyads, d => d.Source == "KEN" && d.Cameo == "111");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("19", StringComparison.Ordinal) || d.Cameo.StartsWith("18", StringComparison.Ordinal));
        Assert.DoesNotContain(Dyads("Peru freed a Chilean journalist who had been arrested by Bolivia."), d => d.Cameo == "173");
    }

    [Fact]
    public void A_reduced_relative_after_the_sentences_event_describes_its_noun()
    {
        var dyads = Dyads("Kenya released a Ugandan journalist jailed last year for spying.");
        Assert.Contains(dyads, d => d.Source == "KEN" && d.Cameo.StartsWith("08", StringComparison.Ordinal));
        Assert.DoesNotContain(dyads, d => d.Cameo == "173");
    }

    [Fact]
    public void A_relative_clause_alone_is_still_coded()
    {
        Assert.Contains(Dyads("It was a raid by Ugandan troops that attacked Kenya."), d => d.Target == "KEN" && d.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void An_actor_spelled_like_a_relative_word_opens_no_relative_clause()
    {
        var dyads = Dyads("Chile wrote to the World Health Organization (WHO) threatening to cut its funding.");
        Assert.Contains(dyads, d => d.Cameo.StartsWith("13", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_is_background()
    {
        var dyads = Dyads("Kenya warned Uganda that it would close the border if Ugandan troops attacked Kenyan villages.");
        Assert.DoesNotContain(dyads, d => d.Source == "UGAMIL");
    }

    [Fact]
    public void A_condition_alone_reports_nothing()
    {
        Assert.Empty(Dyads("If Kenyan troops attack Uganda, the region will suffer."));
        Assert.Empty(Dyads("The region will suffer if Kenyan troops attack Uganda."));
        Assert.Empty(Dyads("Unless Uganda withdraws its troops from Kenya, nothing will change."));
        Assert.Contains(Dyads("Kenyan troops attacked Uganda, if the reports are true."), d => d is ("KENMIL", "UGA", "190"));
    }

    [Fact]
    public void An_event_that_only_dates_another_is_not_reported()
    {
        var dyads = Dyads("Kenya met Uganda in Nairobi, a week after Somali gunmen abducted three Kenyan officials.");
        Assert.Contains(dyads, d => d.Source == "KEN" && d.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("18", StringComparison.Ordinal));
        Assert.Contains(Dyads("Somali gunmen abducted three Kenyan officials after the talks."), d => d.Cameo.StartsWith("18", StringComparison.Ordinal));
    }

    [Fact]
    public void What_a_noun_governs_needs_someone_named()
    {
        Assert.Empty(Dyads("The games opened despite an earlier threat to boycott them."));
    }

    [Fact]
    public void What_might_happen_did_not_happen()
    {
        Assert.Empty(Dyads("Kenyan troops might attack Uganda next year."));
        Assert.Contains(Dyads("Kenyan troops attacked Uganda."), d => d is ("KENMIL", "UGA", "190"));
    }
}
