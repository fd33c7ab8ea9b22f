using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// What is only wished, alleged or about to happen, who undergoes a converse verb, and where a sentence's subject stands
/// after an introductory phrase (our own sentences, fourth pass).
/// </summary>
public sealed class EventCoderMoodTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text);

    [Fact]
    public void A_converse_verb_reverses_who_acts()
    {
        Assert.Contains(Dyads("Uganda received financial support from Japan."), d => d is ("JPN", "UGA", "071"));
        var assured = Dyads("Kenyan demonstrators received assurances from the Kenyan government.");
        Assert.Contains(assured, d => d is ("KENGOV", "KENOPP", "030"));
        Assert.DoesNotContain(assured, d => d.Cameo == "043");
    }

    [Fact]
    public void Giving_a_speech_is_no_aid_but_sharing_evidence_is_cooperation()
    {
        Assert.DoesNotContain(Dyads("President Bush will give a speech on relations with Asia."), d => d.Cameo.StartsWith("07", StringComparison.Ordinal));
        Assert.Contains(Dyads("Turkish officials shared evidence with Greece."), d => d.Source.StartsWith("TUR", StringComparison.Ordinal) && d.Target == "GRC");
    }

    [Fact]
    public void What_a_wish_governs_did_not_happen()
    {
        var dyads = Dyads("Canada's trade minister said he hoped German officials would soon be indicted.");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("17", StringComparison.Ordinal) || d.Cameo == "137");
        Assert.DoesNotContain(Dyads("Japan said it hoped that China would attack Vietnam."), d => d.Source == "CHN");
    }

    [Fact]
    public void Nothing_an_allegation_alleges_is_coded_as_done()
    {
        var dyads = Dyads("A report published in Nairobi alleged that Ugandan troops took part in the raid and helped Sudan.");
        Assert.Contains(dyads, d => d is ("KEN", "UGAMIL", "110"));
        Assert.DoesNotContain(dyads, d => d.Source.StartsWith("UGA", StringComparison.Ordinal));
    }

    [Fact]
    public void Someone_sought_by_nobody_named_is_no_intent()
    {
        var dyads = Dyads("A court in Peru issued arrest warrants for two Chilean men sought in the killing of a farmer.");
        Assert.Contains(dyads, d => d.Cameo == "173" && d.Target == "CHL");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("03", StringComparison.Ordinal));
    }

    [Fact]
    public void Preparing_to_act_is_scheduled_and_being_prepared_to_is_intent()
    {
        var attending = Dyads("The Kenyan leader prepared to attend the summit with Uganda.");
        Assert.Contains(attending, d => d.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.DoesNotContain(attending, d => d.Cameo == "036");
        Assert.Contains(Dyads("Kenya is prepared to attend talks with Uganda."), d => d is ("KEN", "UGA", "036"));
        Assert.Contains(Dyads("Kenyan troops prepared to attack Uganda."), d => d is ("KENMIL", "UGA", "138"));
    }

    [Fact]
    public void An_introductory_phrase_is_not_the_subject()
    {
        var arrested = Dyads("In Beijing, Chinese police arrested two activists.");
        Assert.Contains(arrested, d => d.Source == "CHNCOP" && d.Cameo == "173");
        Assert.DoesNotContain(arrested, d => d.Source == "CHN");
        Assert.Contains(Dyads("Speaking in Paris, the Kenyan foreign minister condemned Uganda."), d => d is ("KENGOV", "UGA", "111"));
        var met = Dyads("After meeting Putin in Moscow, the Chinese president flew to Minsk.");
        Assert.Contains(met, d => d is ("CHNGOV", "RUSGOV", "040"));
        Assert.DoesNotContain(met, d => d.Source == "RUS");
    }

    [Fact]
    public void Protestors_destroying_property_riot()
    {
        Assert.Contains(Dyads("The Russian embassy was demolished by Ukrainian protestors."), d => d.Source == "UKROPP" && d.Cameo == "145");
    }
}
