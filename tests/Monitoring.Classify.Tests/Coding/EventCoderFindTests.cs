using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// A find reports a state, not an act (our own sentences): the wound something was found with and a participle that
/// only describes it are no events; a killing reported beside the find, with its own verb, still is.
/// </summary>
public sealed class EventCoderFindTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text, "es");

    [Fact]
    public void The_wounds_a_body_was_found_with_are_no_attack()
    {
        Assert.Empty(Dyads("Junto al río fue encontrado el cuerpo de un comerciante con tres impactos de bala en la espalda."));
        Assert.Empty(Dyads("Los restos de dos jornaleros, con varios impactos de arma de fuego, fueron hallados cerca del puente."));
    }

    [Fact]
    public void A_participle_that_describes_what_was_found_is_no_event()
    {
        Assert.Empty(Dyads("Un comerciante de 40 años fue hallado muerto en su vivienda."));
        Assert.Empty(Dyads("El cuerpo baleado de un conductor fue encontrado en la carretera."));
    }

    [Fact]
    public void A_killing_reported_with_its_own_verb_beside_the_find_stays()
    {
        Assert.Contains(Dyads("Un comerciante fue asesinado por paramilitares y su cuerpo fue hallado junto al río."), d => d.Cameo[..2] is "18" or "19");
        Assert.Contains(Dyads("Guerrilleros asesinaron de tres impactos de bala a un comerciante."), d => d.Cameo[..2] is "18" or "19");
    }

    [Fact]
    public void Wounds_without_a_find_are_read_as_before()
    {
        // No discovery: the rule does not apply, and the killing is coded.
        Assert.Contains(Dyads("Un comerciante murió con tres impactos de bala en la espalda."), d => d.Cameo[..2] is "18" or "19");
    }
}
