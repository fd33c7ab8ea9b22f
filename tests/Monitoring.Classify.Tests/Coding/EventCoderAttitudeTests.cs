using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Questions, hopes, wishes and doubts as opposed to reports of acts; goals met; aid stopped; sanctions announced
/// (our own sentences, seventh pass: <c>Coding/Mood.cs</c>, <c>cues-en.txt</c>).
/// </summary>
public sealed class EventCoderAttitudeTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text);

    [Fact]
    public void A_yes_no_question_reports_nothing()
    {
        Assert.Empty(Dyads("Will Russia attack Georgia?"));
        Assert.Empty(Dyads("Did Turkey sign the agreement with Greece?"));
        Assert.Contains(Dyads("Russia attacked Georgia."), d => d is ("RUS", "GEO", "190"));
    }

    [Fact]
    public void A_question_that_presupposes_the_act_is_still_coded()
    {
        Assert.Contains(Dyads("Why did Russia attack Georgia?"), d => d is ("RUS", "GEO", "190"));
    }

    [Fact]
    public void What_a_wish_or_doubt_is_about_is_not_a_fact()
    {
        var wish = Dyads("Ghana's president expressed his wish that the Nigerian government would help end the dispute with Togo.");
        Assert.DoesNotContain(wish, d => d.Source.StartsWith("NGA", StringComparison.Ordinal));
        Assert.Contains(wish, d => d.Source == "GHAGOV" && d.Cameo == "020");

        var doubt = Dyads("Norway said it is skeptical that Kenya would sign the treaty with Somalia.");
        Assert.DoesNotContain(doubt, d => d.Cameo.StartsWith("05", StringComparison.Ordinal) || d.Cameo.StartsWith("03", StringComparison.Ordinal));
        Assert.Contains(doubt, d => d.Source == "NOR" && d.Cameo == "012");
    }

    [Fact]
    public void A_factive_attitude_keeps_what_it_is_about()
    {
        Assert.Contains(Dyads("Chile said it regretted that Peru attacked the fishing boats of Ecuador."), d => d.Source == "PER" && d.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hope_that_asks_no_one_named_is_an_optimistic_comment_and_one_that_names_them_an_appeal()
    {
        Assert.Contains(Dyads("Kenyan officials said they hoped the new plan could prevent fighting in the region."), d => d is ("KEN", "---", "013"));
        Assert.Contains(Dyads("Peru said it hoped Chile would return the captured fishermen."), d => d is ("PER", "CHL", "020"));
    }

    [Fact]
    public void Meeting_a_goal_meets_no_one()
    {
        Assert.Empty(Dyads("Mexico struggled to meet the demands of its creditors."));
        Assert.DoesNotContain(Dyads("The Indian ministry said the factory will meet its export targets."), d => d.Cameo.StartsWith("04", StringComparison.Ordinal) || d.Cameo == "036");
        Assert.Contains(Dyads("Egyptian officials met Sudanese diplomats in Cairo."), d => d.Source.StartsWith("EGY", StringComparison.Ordinal) && d.Cameo == "040");
        Assert.Contains(Dyads("Egyptian officials met with Sudan to discuss the targets."), d => d.Source.StartsWith("EGY", StringComparison.Ordinal) && d.Cameo.StartsWith("04", StringComparison.Ordinal));
    }

    [Fact]
    public void Aid_stopped_is_aid_reduced()
    {
        Assert.Contains(Dyads("Sweden announced a suspension of aid to Zambia."), d => d is ("SWE", "ZMB", "162"));
        Assert.Contains(Dyads("Japan announced a halt to military aid to Myanmar."), d => d.Target == "MMR" && d.Cameo == "162");
        Assert.DoesNotContain(Dyads("Japan announced a halt to military aid to Myanmar."), d => d.Cameo.StartsWith("07", StringComparison.Ordinal));
        Assert.Contains(Dyads("Sweden provided humanitarian aid to Zambia."), d => d.Source == "SWE" && d.Target == "ZMB" && d.Cameo.StartsWith("07", StringComparison.Ordinal));
    }

    [Fact]
    public void Asset_freezes_announced_are_sanctions_of_the_announcer()
    {
        Assert.Contains(Dyads("The Australian government announced asset freezes against Iran."), d => d.Source == "AUSGOV" && d.Cameo == "163");
    }

    [Fact]
    public void An_attitude_after_be_is_a_comment_also_before_of()
    {
        Assert.Contains(Dyads("Norway said it is skeptical of the plan."), d => d is ("NOR", "---", "012"));
        Assert.Contains(Dyads("The Peruvian government said it is confident that the talks will succeed."), d => d is ("PERGOV", "---", "013"));
        Assert.DoesNotContain(Dyads("Norway is skeptical of the plan to attack Sweden."), d => d.Cameo.StartsWith("13", StringComparison.Ordinal) || d.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dictionary_pattern_that_says_more_than_a_lexicon_phrase_wins()
    {
        Assert.Contains(Dyads("Greece called for sanctions against Turkey."), d => d is ("GRC", "TUR", "1312"));
        Assert.Contains(Dyads("Greece called on Turkey to withdraw its ships."), d => d.Source == "GRC" && d.Target == "TUR" && d.Cameo.StartsWith("02", StringComparison.Ordinal));
    }

    [Fact]
    public void Telling_someone_to_act_asks_it_of_them()
    {
        var withdraw = Dyads("Kenya told Uganda to withdraw its troops.");
        Assert.Contains(withdraw, d => d is ("KEN", "UGA", "020"));
        Assert.DoesNotContain(withdraw, d => d.Cameo.StartsWith("08", StringComparison.Ordinal));

        var attack = Dyads("Kenya told Uganda not to attack Sudan.");
        Assert.Contains(attack, d => d is ("KEN", "UGA", "020"));
        Assert.DoesNotContain(attack, d => d.Cameo.StartsWith("12", StringComparison.Ordinal) || d.Cameo.StartsWith("19", StringComparison.Ordinal));

        Assert.Contains(Dyads("The Kenyan government rejected the plan of Ethiopia and told Uganda to release the prisoners."), d => d is ("KENGOV", "UGA", "020"));
    }

    [Fact]
    public void What_an_appeal_noun_asks_is_not_done()
    {
        var dyads = Dyads("Kenya rejected a Ugandan call to release the prisoners.");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("035", StringComparison.Ordinal) || d.Cameo.StartsWith("08", StringComparison.Ordinal));
        Assert.Contains(dyads, d => d.Source == "KEN" && d.Cameo.StartsWith("12", StringComparison.Ordinal));
    }

    [Fact]
    public void A_time_after_a_reporting_verb_leaves_the_pronoun_the_speaker()
    {
        Assert.Contains(Dyads("Kenya's foreign minister said Wednesday she hoped Uganda would release the prisoners."), d => d is ("KENGOV", "UGA", "020"));
        Assert.Contains(Dyads("Russia said on Friday it had expelled diplomats from Poland."), d => d.Source == "RUS" && d.Target.StartsWith("POL", StringComparison.Ordinal));
    }
}
