using Monitoring.Classify.Coding;
using Monitoring.Contracts;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// What the coder finds beyond the verb patterns: root-level codes from trigger words, international organisations and
/// role actors, reciprocal and possessive actors, pronouns, titles, and Spanish and Arabic sentences (our own sentences).
/// </summary>
public sealed class EventCoderRecallTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text, string? language = null) => Coders.Dyads(text, language);


    [Fact]
    public void Where_no_verb_pattern_applies_the_trigger_word_codes_the_root_and_says_so()
    {
        var appeal = Assert.Single(Coders.Default.Code("Egypt urged Israel to halt the offensive."));
        Assert.Equal(("EGY", "ISR", "020", CodedEvents.TriggerBasis, "urged"), (appeal.Source.Code, appeal.Target.Code, appeal.Cameo, appeal.Basis, appeal.Trigger));

        var pattern = Assert.Single(Coders.Default.Code("France met with Germany on Monday."));
        Assert.Equal(CodedEvents.PatternBasis, pattern.Basis);
    }

    [Theory]
    [InlineData("Chile imposed travel bans on Bolivia.")]
    [InlineData("The Chilean government announced bans on Bolivian imports.")]
    [InlineData("Chile imposed curfews on Bolivian border towns.")]
    public void A_plural_ban_is_a_ban(string text)
    {
        Assert.Contains(Dyads(text), d => d.Source.StartsWith("CHL", StringComparison.Ordinal) && d.Target == "BOL" && d.Cameo.StartsWith("172", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plural_is_read_back_only_to_its_own_singular()
    {
        // "refugees" is "refugee" plus "s", not "refuge" (a pattern of sheltering) plus "es": Poland does the taking in.
        var dyads = Dyads("Poland agreed to take in 2,000 Syrian refugees.");
        Assert.Contains(dyads, d => d.Source == "POL");
        Assert.DoesNotContain(dyads, d => d.Target == "POL");
    }

    [Fact]
    public void Armed_forces_bombing_use_aerial_weapons_and_others_plant_bombs()
    {
        Assert.Contains(Dyads("Turkish troops bombed Kurdish positions in northern Iraq."), d => d.Source == "TURMIL" && d.Cameo == "195");
        Assert.DoesNotContain(Dyads("Insurgents bombed a market in Lima."), d => d.Cameo == "195");
    }

    [Fact]
    public void Welcoming_what_was_done_praises_it()
    {
        var dyads = Dyads("Peru welcomed the agreement between Chile and Bolivia.");
        Assert.Contains(dyads, d => d.Source == "PER" && d.Cameo == "051");
        Assert.DoesNotContain(dyads, d => d.Cameo.StartsWith("043", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dictionary_verb_with_only_its_blocks_default_gives_way_to_the_lexicons_own_code()
    {
        // DISPERSE sits in the dictionary's CIRCULATE block (010); dispersing protesters is repression (175).
        Assert.Contains(Dyads("Peruvian police dispersed the protesters in Lima."), d => d.Source == "PERCOP" && d.Cameo == "175");
        // A verb with a code of its own keeps it.
        Assert.Contains(Dyads("Kenyan troops attacked Uganda."), d => d is ("KENMIL", "UGA", "190"));
    }

    [Fact]
    public void Territory_retaken_by_force_is_occupied()
    {
        Assert.Contains(Dyads("Peruvian troops recaptured the border town on Sunday."), d => d.Source == "PERMIL" && d.Cameo == "192");
    }

    [Fact]
    public void A_light_verb_carries_the_event_noun_after_it()
    {
        var strike = Assert.Single(Coders.Default.Code("Turkey launched a series of air strikes against Kurdish militants."));
        Assert.Equal(("TUR", "195", CodedEvents.TriggerBasis), (strike.Source.Code, strike.Cameo, strike.Basis));
        Assert.Equal("launched a series of air strikes", strike.Trigger);
    }

    [Fact]
    public void International_organisations_keep_their_CAMEO_code()
    {
        Assert.Contains(("IGOWSTNAT", "RUS", "112"), Dyads("NATO accused Russia of violating the treaty."));
    }

    [Fact]
    public void Roles_without_a_country_are_actors_and_take_the_place_the_sentence_names()
    {
        Assert.Contains(Dyads("Rebels attacked an army convoy."), d => d is ("---REB", "---MIL", _) && d.Cameo.StartsWith("19", StringComparison.Ordinal));
        Assert.Contains(Dyads("Thousands of protesters marched in Nairobi."), d => d.Source == "KENOPP" && d.Cameo.StartsWith("14", StringComparison.Ordinal));
    }

    [Fact]
    public void Possessives_and_demonyms_give_the_role_its_country()
    {
        Assert.Contains(("KENGOV", "SOM", "040"), Dyads("Kenya's foreign minister met with Somalia on Friday."));
        Assert.Contains(Dyads("Mexican police arrested five suspects."), d => d.Source == "MEXCOP" && d.Cameo == "173");
    }

    [Fact]
    public void Cooperating_compound_actors_act_on_each_other_but_protesters_named_together_do_not()
    {
        Assert.Equal([("CHN", "RUS", "040"), ("RUS", "CHN", "040")], Dyads("China and Russia met on Tuesday."));
        Assert.DoesNotContain(Dyads("American and British activists protested."), d => d is ("USAOPP", "GBROPP", _) or ("GBROPP", "USAOPP", _));
    }

    [Fact]
    public void A_pronoun_subject_stands_for_the_last_source_named()
    {
        Assert.Contains(("JPN", "CHN", "111"), Dyads("Japan summoned the ambassador of South Korea. It also condemned China."));
    }

    [Fact]
    public void A_refused_cooperation_is_a_rejection_and_agreeing_to_yield_is_intent()
    {
        Assert.Contains(Dyads("Britain refused to lift the sanctions on Iran."), d => d.Cameo.StartsWith("12", StringComparison.Ordinal));
        Assert.Contains(Dyads("Israel agreed to release the prisoners."), d => d.Cameo.StartsWith("035", StringComparison.Ordinal));
    }

    [Fact]
    public void Titles_are_coded_and_marked_with_offsets_into_the_title()
    {
        const string title = "Chinese troops attack Indian border post";
        var classification = Classifiers.Default.Classify(title, "Officials in Delhi gave no figures.");

        var e = Assert.Single(Coders.Default.Code(classification), e => e.InTitle);

        Assert.Equal(("CHN", "19"), (e.Source.Code, e.Root));
        Assert.Equal(e.Trigger, title[e.TriggerStart..e.TriggerEnd]);
    }

    [Theory]
    [InlineData("Guerrilleros de las FARC secuestraron a dos ingenieros en el Cauca.", "COL", "18")]
    [InlineData("La policía colombiana detuvo a tres sospechosos.", "COL", "17")]
    [InlineData("Miles de manifestantes protestaron en Caracas contra el gobierno.", "VEN", "14")]
    public void Spanish_sentences_are_coded_with_the_Spanish_lexicon(string sentence, string source, string root)
    {
        Assert.Contains(Coders.Default.Code(sentence, "es"), e => e.Source.Code == source && e.Root == root);
    }

    [Fact]
    public void A_Spanish_passive_takes_its_agent_after_por()
    {
        var e = Assert.Single(Coders.Default.Code("Un periodista fue secuestrado por paramilitares.", "es"));
        Assert.Equal(("---", "REB", "---", "MED", "18"), (e.Source.Code, e.Source.Sector, e.Target.Code, e.Target.Sector, e.Root));
    }

    [Theory]
    [InlineData("وتظاهر آلاف المصريين في القاهرة ضد الحكومة.", "EGY", "14")]
    [InlineData("واعتقلت الشرطة العراقية عشرة اشخاص في بغداد.", "IRQ", "17")]
    [InlineData("وهاجم مسلحون دورية للجيش الباكستاني.", "---", "19")]
    public void Arabic_sentences_are_coded_through_their_clitics(string sentence, string source, string root)
    {
        Assert.Contains(Coders.Default.Code(sentence, "ar"), e => e.Source.Code == source && e.Root == root);
    }

    [Fact]
    public void An_Arabic_event_noun_takes_its_victims_after_it()
    {
        var e = Assert.Single(Coders.Default.Code("أعلنت الشرطة مقتل خمسة جنود عراقيين.", "ar"), e => e.Root == "19");
        Assert.Equal(("IRQ", "MIL"), (e.Target.Code, e.Target.Sector));
    }

    [Fact]
    public void The_language_data_loads_for_every_shipped_language()
    {
        Assert.Superset(new HashSet<string> { "en", "es", "ar" }, Coders.Languages.Codes.ToHashSet());
        Assert.True(Coders.Languages.For("es").Triggers.Count > 100);
        Assert.True(Coders.Languages.For("ar").Triggers.Count > 100);
        Assert.Same(Coders.Languages.For("en"), Coders.Languages.For("de")); // other languages: English cues, no Spanish or Arabic words
    }
}
