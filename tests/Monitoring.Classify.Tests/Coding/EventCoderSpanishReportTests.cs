using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// What a Spanish sentence reports as its news (our own sentences): a relative clause in the present or imperfect
/// describes its noun and stands only where nothing else is reported, a preterite or compound one narrates an event;
/// "denunció que …" reports what follows, as "dijo que" does, and "según la denuncia" names the source of a report;
/// who receives threats or suffers an attack undergoes it; an event asked for or called off ("pidió una negociación")
/// was not held.
/// </summary>
public sealed class EventCoderSpanishReportTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text, "es");

    [Fact]
    public void An_imperfect_relative_clause_describes_its_noun_beside_another_event()
    {
        var dyads = Dyads("La policía detuvo a veinte campesinos que exigían la renuncia del gobernador.");
        Assert.Contains(dyads, d => d.Cameo == "173");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_describing_relative_clause_is_coded_where_the_sentence_reports_nothing_else()
    {
        Assert.Contains(Dyads("Son campesinos que exigían la renuncia del gobernador."), d => d.Cameo.StartsWith("10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preterite_or_compound_relative_clause_narrates_its_own_event()
    {
        var preterite = Dyads("La policía detuvo a los hombres que secuestraron a un comerciante.");
        Assert.Contains(preterite, d => d.Cameo == "173");
        Assert.Contains(preterite, d => d.Cameo == "181");
        Assert.Contains(Dyads("La policía liberó al periodista que había sido secuestrado por guerrilleros."), d => d.Cameo == "181");
    }

    [Fact]
    public void Denouncing_that_reports_the_clause_not_an_accusation()
    {
        var dyads = Dyads("El alcalde denunció que hombres armados atacaron la alcaldía.");
        Assert.Contains(dyads, d => d.Cameo.StartsWith("18", StringComparison.Ordinal));
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("11", StringComparison.Ordinal));
        Assert.Empty(Dyads("Los vecinos denunciaron que desde el lunes no tienen agua."));
    }

    [Fact]
    public void Denouncing_someone_or_something_stays_a_denunciation()
    {
        Assert.Contains(Dyads("El sindicato denunció al gobierno colombiano."), d => d.Cameo == "111" && d.Target.StartsWith("COL", StringComparison.Ordinal));
        Assert.Contains(Dyads("El sindicato denunció el asesinato de un maestro."), d => d.Cameo == "111");
    }

    [Fact]
    public void According_to_the_complaint_names_a_source_not_an_event()
    {
        Assert.Empty(Dyads("Según la denuncia, el joven salió de su casa y no volvió."));
        var dyads = Dyads("Según la denuncia, el comerciante fue golpeado por desconocidos.");
        Assert.Contains(dyads, d => d.Cameo == "180");
        Assert.DoesNotContain(dyads, d => d.Cameo == "111");
    }

    [Fact]
    public void Who_receives_threats_or_suffers_an_attack_is_its_target()
    {
        Assert.Contains(Dyads("El alcalde de Cali recibió amenazas de muerte."), d => d.Cameo == "130" && d.Target.StartsWith("COL", StringComparison.Ordinal) && d.Source.StartsWith("---", StringComparison.Ordinal));
        Assert.Contains(Dyads("Un soldado colombiano sufrió un atentado en la carretera."), d => d.Cameo.StartsWith("18", StringComparison.Ordinal) && d.Target == "COLMIL");
    }

    [Fact]
    public void Who_threatens_someone_stays_the_source()
    {
        Assert.Contains(Dyads("Guerrilleros de las FARC amenazaron al alcalde de Cali."), d => d.Cameo == "130" && d.Target.StartsWith("COL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_asked_for_or_called_off_is_not_held()
    {
        var asked = Dyads("El sindicato pidió una negociación con el gobierno.");
        Assert.Contains(asked, d => d.Cameo == "020");
        Assert.DoesNotContain(asked, d => d.Cameo.StartsWith("04", StringComparison.Ordinal));
        var demanded = Dyads("Los campesinos exigieron la liberación de los detenidos.");
        Assert.DoesNotContain(demanded, d => d.Cameo.StartsWith("08", StringComparison.Ordinal));
        var cancelled = Dyads("El ministro canceló la reunión con los sindicatos.");
        Assert.Contains(cancelled, d => d.Cameo == "125");
        Assert.DoesNotContain(cancelled, d => d.Cameo.StartsWith("04", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_announced_or_held_stays()
    {
        Assert.Contains(Dyads("La policía anunció la liberación de los detenidos."), d => d.Cameo.StartsWith("08", StringComparison.Ordinal));
        Assert.Contains(Dyads("El ministro y los sindicatos celebraron una reunión."), d => d.Cameo.StartsWith("04", StringComparison.Ordinal));
    }

    [Fact]
    public void A_verb_after_what_a_relative_clause_demands_is_the_main_event()
    {
        // "exigían tierras bloquearon": "bloquearon" is the clause's own verb, not something demanded.
        var dyads = Dyads("Los campesinos que exigían tierras bloquearon la carretera.");
        Assert.Contains(dyads, d => d.Cameo == "144");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headline_in_capitals_has_relative_clauses_too()
    {
        var dyads = Dyads("LOS CAMPESINOS QUE EXIGÍAN TIERRAS BLOQUEARON LA CARRETERA");
        Assert.Contains(dyads, d => d.Cameo == "144");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("10", StringComparison.Ordinal));
    }
}
