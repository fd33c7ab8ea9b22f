using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Spanish (our own sentences): headline present tense, regret as disapproval, capitals in their Spanish names,
/// compound subjects that cooperate with each other, intent after words of willingness and commitment, phrases that are
/// no trigger, leaders of organisations, towns inside a person's name.
/// </summary>
public sealed class EventCoderSpanishTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text, "es");

    [Fact]
    public void Regret_is_disapproval_and_a_capital_in_its_Spanish_name_is_its_country()
    {
        Assert.Contains(("GBR", "CHLGOV", "110"), Dyads("Londres lamentó la decisión del gobierno chileno."));
        Assert.Contains(("RUS", "GBR", "110"), Dyads("MOSCU LAMENTA DECISION BRITANICA"));
    }

    [Fact]
    public void A_headline_in_the_present_tense_is_coded()
    {
        Assert.Contains(("CHLCOP", "CHLEDU", "173"), Dyads("POLICIA CHILENA DETIENE A ESTUDIANTES EN SANTIAGO"));
    }

    [Fact]
    public void Compound_subjects_cooperate_with_each_other()
    {
        var dyads = Dyads("México y Colombia firmaron el tratado.");
        Assert.Contains(("MEX", "COL", "057"), dyads);
        Assert.Contains(("COL", "MEX", "057"), dyads);
    }

    [Fact]
    public void Willingness_and_commitment_make_a_meeting_intended()
    {
        Assert.Contains(("---LAB", "MEXGOV", "036"), Dyads("Los sindicatos están dispuestos al diálogo con el gobierno mexicano."));
        Assert.Contains(("CHN", "USA", "036"), Dyads("Pekín y Washington acordaron reanudar el diálogo."));
        Assert.Contains(("CHL", "PER", "036"), Dyads("Los ministros de Chile y Perú se reunirán el lunes."));
    }

    [Fact]
    public void A_strike_agreed_on_is_the_strike_not_its_threat()
    {
        var dyads = Dyads("Los profesores acordaron una huelga para el martes.");
        Assert.Contains(dyads, d => d.Cameo == "143");
        Assert.DoesNotContain(dyads, d => d.Cameo[..2] == "13");
    }

    [Fact]
    public void However_is_no_embargo_and_being_sworn_in_is_no_protest()
    {
        var dyads = Dyads("Sin embargo, el gobierno venezolano rechazó la propuesta.");
        Assert.Contains(("VENGOV", "---", "120"), dyads);
        Assert.DoesNotContain(dyads, d => d.Cameo == "163");
        Assert.Empty(Dyads("El gobernador tomó la protesta a los nuevos concejales."));
    }

    [Fact]
    public void Ending_days_of_a_hunger_strike_is_a_concession()
    {
        var dyads = Dyads("El dirigente puso fin a 12 días de huelga de hambre.");
        Assert.Contains(dyads, d => d.Cameo == "082");
        Assert.DoesNotContain(dyads, d => d.Cameo[..2] == "14");
    }

    [Fact]
    public void The_leader_of_a_union_is_of_the_union_not_a_government()
    {
        Assert.Contains(("PERLAB", "PERGOV", "140"), Dyads("El presidente del sindicato protestó contra el gobierno peruano."));
    }

    [Fact]
    public void A_town_inside_a_persons_name_is_no_place()
    {
        // "Pérez" is also a town in Argentina.
        Assert.DoesNotContain(Dyads("Los obreros marcharon contra el presidente Ernesto Pérez Rojas."), d => d.Source.StartsWith("ARG") || d.Target.StartsWith("ARG"));
    }

    [Fact]
    public void Solidarity_is_support_and_an_uprising_is_a_riot()
    {
        Assert.Contains(("IGOCHR", "COLCVL", "053"), Dyads("La Iglesia Católica expresó su solidaridad con los campesinos colombianos."));
        Assert.Contains(("BOLREB", "BOLGOV", "145"), Dyads("Los rebeldes se alzaron en armas contra el gobierno de Bolivia."));
    }

    [Fact]
    public void A_visit_protested_against_is_no_visit()
    {
        var dyads = Dyads("Los campesinos protestaron contra la visita del ministro.");
        Assert.Contains(dyads, d => d.Cameo == "140");
        Assert.DoesNotContain(dyads, d => d.Cameo[..2] == "04");
    }
}
