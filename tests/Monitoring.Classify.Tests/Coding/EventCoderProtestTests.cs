using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Spanish and Arabic protests (our own sentences): who protests where the sentence places them, against whom with no
/// one else named; a protest ended, threatened, voiced officially, or named as the purpose of another.
/// </summary>
public sealed class EventCoderProtestTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text, string language) => Coders.Dyads(text, language);

    [Fact]
    public void People_protesting_where_the_sentence_places_them_are_of_that_country()
    {
        var dyads = Dyads("وتظاهر الآلاف في بغداد امس.", "ar");
        Assert.Contains(dyads, d => d.Source.StartsWith("IRQ") && d.Target.StartsWith("IRQ") && d.Cameo[..2] == "14");
    }

    [Fact]
    public void A_country_after_a_noun_of_places_is_where_the_protest_was()
    {
        var dyads = Dyads("Miles de campesinos bloquearon las carreteras de varias provincias del Perú.", "es");
        Assert.Contains(dyads, d => d.Source.StartsWith("PER") && d.Target.StartsWith("PER") && d.Cameo == "144");
    }

    [Fact]
    public void Ending_a_strike_is_a_concession_not_a_protest()
    {
        var dyads = Dyads("El dirigente sindical puso fin el martes a una huelga de hambre de dos semanas.", "es");
        Assert.Contains(dyads, d => d.Cameo == "082");
        Assert.DoesNotContain(dyads, d => d.Cameo[..2] == "14");
    }

    [Fact]
    public void A_strike_threatened_is_the_threat_of_a_strike()
    {
        var dyads = Dyads("Los mineros amenazaron con una huelga indefinida en Bolivia.", "es");
        Assert.Contains(dyads, d => d.Cameo == "133");
        Assert.DoesNotContain(dyads, d => d.Cameo[..2] == "14");
    }

    [Fact]
    public void A_protest_in_the_future_held_by_se_is_announced()
    {
        Assert.Contains(Dyads("Los maestros anunciaron marchas que se realizarán el lunes en Quito.", "es"), d => d.Cameo == "133");
    }

    [Fact]
    public void An_army_that_protests_complains_officially()
    {
        Assert.Contains(Dyads("El ejército chileno protestó contra las declaraciones del gobierno peruano.", "es"), d => d.Cameo == "114" && d.Source == "CHLMIL");
    }

    [Fact]
    public void In_protest_after_a_protest_is_its_purpose_not_a_second_protest()
    {
        var dyads = Dyads("Los estudiantes marcharon en Caracas en protesta por el alza de las tarifas.", "es");
        Assert.Single(dyads, d => d.Cameo[..2] == "14");
        Assert.Contains(dyads, d => d.Cameo == "141");
    }
}
