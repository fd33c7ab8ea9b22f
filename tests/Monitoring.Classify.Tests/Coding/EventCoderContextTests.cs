using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// What the rest of a sentence says about an event (our own sentences): the town it happens in (GeoNames places),
/// the speaker who claims it or demands it, an announced conflict that is only a threat, a stated attitude.
/// </summary>
public sealed class EventCoderContextTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text, string? language = null) => Coders.Dyads(text, language);

    [Fact]
    public void A_town_gives_the_people_of_the_sentence_its_country_when_written_as_a_name()
    {
        Assert.Contains(Dyads("Guerrilleros atacaron un puesto de la policía en Popayán.", "es"), d => d.Source == "COLREB" && d.Cameo.StartsWith("18", StringComparison.Ordinal));
        Assert.DoesNotContain(Dyads("Guerrilleros atacaron un puesto de la policía en popayán.", "es"), d => d.Source.StartsWith("COL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_Arabic_town_is_a_place_after_a_word_that_names_a_place()
    {
        Assert.Contains(Coders.Default.Code("وتظاهر مئات الطلاب في مدينة الحلة ضد الحكومة.", "ar"), e => e.Root == "14" && e.Target.Code == "IRQ");
    }

    [Fact]
    public void Claiming_a_violent_act_of_ones_own_is_claiming_responsibility()
    {
        Assert.Contains(Dyads("Kurdish rebels claimed that they had attacked a Turkish army base."), d => d.Cameo == "015");
        Assert.Contains(Dyads("The Taliban claimed responsibility for the attack on Kabul."), d => d.Cameo == "015");
        Assert.Contains(Dyads("Kurdish rebels said that they had attacked a Turkish army base."), d => d.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void A_speaker_saying_another_actor_must_act_demands_it()
    {
        Assert.Contains(Dyads("The French minister said that Kenya must ensure the safety of refugees."), d => d is ("FRAGOV", "KEN", "100"));
    }

    [Theory]
    [InlineData("Iran wants to attack Iraq.", "en", "138")]
    [InlineData("Workers will protest against the government of Kenya on Monday.", "en", "133")]
    [InlineData("Los obreros de Panamá protestarán el jueves contra el gobierno.", "es", "133")]
    public void A_conflict_announced_but_not_carried_out_is_a_threat_of_it(string sentence, string language, string cameo)
    {
        Assert.Contains(Dyads(sentence, language), d => d.Cameo == cameo);
    }

    [Fact]
    public void A_decision_is_done_not_intended()
    {
        Assert.Contains(Dyads("Japan decided to ease sanctions on North Korea."), d => d.Cameo.StartsWith("08", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stated_attitude_is_a_comment()
    {
        Assert.Contains(Dyads("Nigeria said it was optimistic about the talks with Ghana."), d => d is ("NGA", "GHA", "013"));
    }
}
