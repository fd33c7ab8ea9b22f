using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// What a governing verb or the words around a verb make of it (our own sentences): allegations, wishes of another,
/// reduced relative clauses, relative clauses, the plain future, role words that only qualify a noun, the place of a
/// meeting or a force posture.
/// </summary>
public sealed class EventCoderClauseTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text);

    [Fact]
    public void A_conflictual_measure_is_against_whom_it_names_not_where_it_goes()
    {
        var dyads = Dyads("Chilean police imposed travel restrictions to Chile against five Bolivian activists.");
        Assert.Contains(dyads, d => d.Target.StartsWith("BOL", StringComparison.Ordinal) && d.Cameo.StartsWith("17", StringComparison.Ordinal));
        Assert.DoesNotContain(dyads, d => d.Target == "CHL");
        // Cooperation goes to where it is sent, whoever it is against.
        Assert.Contains(Dyads("Chile sent food aid to Peru against the famine."), d => d is ("CHL", "PER", _) && d.Cameo.StartsWith("07", StringComparison.Ordinal));
    }

    [Fact]
    public void Forces_sent_are_what_is_sent_and_where_they_go_is_the_target()
    {
        Assert.Contains(Dyads("Chile will send 300 more soldiers to Haiti next month."), d => d.Source == "CHL" && d.Target == "HTI");
        Assert.DoesNotContain(Dyads("Chile will send 300 more soldiers to Haiti next month."), d => d.Target == "---MIL");
        Assert.Contains(Dyads("Chile sent soldiers."), d => d.Source == "CHL" && d.Target == "---MIL");
    }

    [Fact]
    public void A_killing_after_the_comma_is_by_the_attacker_not_by_whom_the_attack_hit()
    {
        // "a police patrol", "a Chilean army base": nouns after an indefinite article, not verbs whose subject would
        // pass on to "killing".
        var dyads = Dyads("Rebels attacked a Chilean army base, killing 20 soldiers.");
        Assert.Contains(dyads, d => d.Source == "---REB" && d.Target == "CHLMIL");
        Assert.DoesNotContain(dyads, d => d.Source == "CHLMIL");
        Assert.DoesNotContain(Dyads("Militants ambushed a Peruvian police patrol, killing four officers."), d => d.Source == "PERCOP");
    }

    [Fact]
    public void An_allegation_accuses_the_subject_of_what_it_alleges()
    {
        Assert.Contains(Dyads("A report published in Nairobi alleged that Uganda was aware of the raid."), d => d is ("KEN", "UGA", "110"));
        var claimed = Dyads("Peru claimed that Bolivian troops had attacked Chile.");
        Assert.Contains(claimed, d => d is ("PER", "BOLMIL", "112"));
        Assert.DoesNotContain(claimed, d => d.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void Wanting_another_actor_to_act_is_an_appeal_to_it()
    {
        var dyads = Dyads("Obama wants Putin to sanction Iran.");
        Assert.Contains(dyads, d => d is ("USAGOV", "RUSGOV", "020"));
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("13", StringComparison.Ordinal));
    }

    [Fact]
    public void A_participle_after_the_object_is_passive()
    {
        var dyads = Dyads("Police released three journalists jailed last year by Turkey.");
        Assert.Contains(dyads, d => d is ("TUR", "---MED", "173"));
        Assert.DoesNotContain(dyads, d => d is ("---MED", "TUR", "173"));
    }

    [Fact]
    public void A_relative_clause_takes_the_noun_it_describes_not_an_earlier_actor()
    {
        Assert.DoesNotContain(Dyads("Kenya condemned the militia that has seized parts of Somalia."), d => d.Source == "KEN" && d.Cameo.StartsWith("17", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_future_is_scheduled_and_a_reported_one_intended()
    {
        Assert.Contains(Dyads("Chile will host talks with Peru next week."), d => d.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.Contains(Dyads("Chile said it will meet Peru next week."), d => d is ("CHL", "PER", "036"));
        Assert.Contains(Dyads("Workers will protest against the government of Kenya on Monday."), d => d.Cameo == "133");
    }

    [Fact]
    public void A_role_word_qualifying_a_noun_names_no_actor()
    {
        var dyads = Dyads("Spain offered military support to Morocco.");
        Assert.Contains(dyads, d => d.Source == "ESP" && d.Target == "MAR");
        Assert.DoesNotContain(dyads, d => d.Target == "---MIL");
    }

    [Fact]
    public void A_meeting_or_a_force_posture_with_no_one_else_named_is_toward_where_it_is_held()
    {
        Assert.Contains(Dyads("Russia is conducting military exercises in Cuba."), d => d.Source == "RUS" && d.Target == "CUB" && d.Cameo.StartsWith("15", StringComparison.Ordinal));
        Assert.Contains(Dyads("Brazil and Argentina will meet in Geneva."), d => d is ("BRA", "ARG", _));
    }

    [Fact]
    public void Helping_to_do_something_is_not_aid()
    {
        Assert.DoesNotContain(Dyads("French officers helped to plan the operation in Mali."), d => d.Cameo.StartsWith("07", StringComparison.Ordinal));
        Assert.Contains(Dyads("France sent food aid to Mali."), d => d.Cameo.StartsWith("07", StringComparison.Ordinal));
    }

    [Fact]
    public void A_participle_after_a_number_word_qualifies_the_noun_and_is_no_event()
    {
        var dyads = Dyads("Police in Lima arrested twelve suspected smugglers on Monday.");
        Assert.Contains(dyads, d => d is ("PERCOP", "---CRM", "173"));
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("11", StringComparison.Ordinal));
        Assert.DoesNotContain(Dyads("Chilean troops detained fifteen wounded fighters near the border."), d => d.Cameo.StartsWith("18", StringComparison.Ordinal));
    }

    [Fact]
    public void A_purpose_infinitive_leaves_the_subject_of_the_verb_before_it()
    {
        // "marched … to denounce": the infinitive is what the march is for, so "marched" is the clause's verb, not a
        // participle describing the students.
        var dyads = Dyads("Thousands of students marched on the parliament in Santiago to denounce the new tax law.");
        Assert.Contains(dyads, d => d.Source == "---EDU" && d.Cameo.StartsWith("14", StringComparison.Ordinal));
        Assert.DoesNotContain(dyads, d => d.Target == "---EDU");
    }

    [Fact]
    public void Talks_qualified_by_a_role_word_are_between_the_countries_not_with_their_armies()
    {
        var dyads = Dyads("India and China held military talks on the disputed border.");
        Assert.Contains(dyads, d => d is ("IND", "CHN", _) && d.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.Contains(dyads, d => d is ("CHN", "IND", _));
        Assert.DoesNotContain(dyads, d => d.Target.EndsWith("MIL", StringComparison.Ordinal));
    }

    [Fact]
    public void An_opening_attribution_names_the_speaker_not_the_subject()
    {
        var dyads = Dyads("According to Peruvian police, gunmen killed five villagers in the Andes.");
        Assert.Contains(dyads, d => d.Source == "---UAF" && d.Cameo.StartsWith("19", StringComparison.Ordinal));
        Assert.DoesNotContain(dyads, d => d.Source == "PERCOP");
        Assert.DoesNotContain(Dyads("According to the Chilean army, rebels attacked a convoy on Sunday."), d => d.Source == "CHLMIL");
    }
}
