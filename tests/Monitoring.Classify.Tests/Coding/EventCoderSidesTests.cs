using Monitoring.Classify.Coding;
using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Who protests and against whom (our own sentences, sixth pass): Amman told from Oman, actors joined by an attached
/// "و", partitive subjects, people from a country, roles in the construct state, a protest's target after its place and
/// in its slogans; Spanish cue words without accents, given names that are country names, complaints lodged with a
/// government, a threatened protest's sides.
/// </summary>
public sealed class EventCoderSidesTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text, string language) => Coders.Dyads(text, language);

    private static bool Protest(string cameo) => cameo[..2] == "14";

    [Fact]
    public void Amman_is_Jordan_s_capital_where_the_text_names_Jordan_or_calls_it_the_capital()
    {
        Assert.Contains(Dyads("وتظاهر مئات الطلاب الأردنيين امس في عمان.", "ar"), d => d.Source.StartsWith("JOR") && Protest(d.Cameo));
        Assert.Contains(Dyads("وتظاهر مئات الطلاب امس في العاصمة عمان.", "ar"), d => (d.Source.StartsWith("JOR") || d.Target.StartsWith("JOR")) && Protest(d.Cameo));
        Assert.DoesNotContain(Dyads("وتظاهر مئات الطلاب امس في العاصمة عمان.", "ar"), d => d.Source.StartsWith("OMN") || d.Target.StartsWith("OMN"));
    }

    [Fact]
    public void Oman_stays_Oman_where_nothing_says_Amman()
    {
        Assert.Contains(Dyads("وتظاهر مئات الطلاب امس في عمان.", "ar"), d => d.Source.StartsWith("OMN") || d.Target.StartsWith("OMN"));
    }

    [Fact]
    public void An_actor_with_the_conjunction_attached_joins_the_actor_before_it()
    {
        var dyads = Dyads("واشتبك متظاهرون عراقيون واكراد مع الشرطة التركية.", "ar");
        Assert.Contains(dyads, d => d.Source.StartsWith("IRQ") && d.Target == "TURCOP");
        Assert.Contains(dyads, d => d.Source.StartsWith("KUR") && d.Target == "TURCOP");
        Assert.DoesNotContain(dyads, d => d.Source.StartsWith("IRQ") && d.Target.StartsWith("KUR"));
    }

    [Fact]
    public void A_partitive_subject_after_the_verb_is_the_subject()
    {
        Assert.Contains(Dyads("تظاهر امس عشرات من طلاب الجامعات السورية في دمشق.", "ar"), d => d.Source == "SYREDU" && Protest(d.Cameo));
    }

    [Fact]
    public void People_from_a_country_are_of_it_and_so_are_the_countries_listed_after()
    {
        var dyads = Dyads("وتجمع المتظاهرون من فرنسا وبلجيكا امام مقر المفوضية.", "ar");
        Assert.Contains(dyads, d => d.Source == "FRAOPP" && Protest(d.Cameo));
        Assert.Contains(dyads, d => d.Source == "BELOPP" && Protest(d.Cameo));
    }

    [Fact]
    public void Troops_from_a_country_are_not_of_it()
    {
        Assert.DoesNotContain(Dyads("وطالب المتظاهرون بسحب القوات من العراق.", "ar"), d => d.Source == "IRQMIL" || d.Target == "IRQMIL");
    }

    [Fact]
    public void A_protest_held_in_one_place_against_a_country_named_after_it_targets_that_country()
    {
        Assert.Contains(Dyads("وتظاهر الاف الاشخاص في لندن ضد الحكومة الأميركية.", "ar"), d => d.Target.StartsWith("USA") && Protest(d.Cameo));
    }

    [Fact]
    public void A_country_in_a_protest_s_slogans_is_its_target()
    {
        Assert.Contains(Dyads("وردد المتظاهرون في المدينة هتافات «الموت لإسرائيل».", "ar"), d => d.Target.StartsWith("ISR") && Protest(d.Cameo));
    }

    [Fact]
    public void Spanish_cue_sets_compare_without_accents_however_the_file_or_the_text_spells_the_word()
    {
        var cues = CueWords.Parse(["speech-words\tsenalo dijó", "official-sectors\tGOV"], "test", WordShapes.For("es"));
        var words = cues.Set("speech-words");
        Assert.Contains("señaló", words);
        Assert.Contains("senalo", words);
        Assert.Contains("dijo", words);
        Assert.Contains("GOV", cues.Set("official-sectors"));
        Assert.DoesNotContain("gov", cues.Set("official-sectors"));
        Assert.DoesNotContain("senala", words);
    }

    [Theory]
    [InlineData("señaló", "senalo")]
    [InlineData("Ñandú", "Nandu")]
    [InlineData("güerito", "guerito")]
    [InlineData("ǹoño", "nono")]
    [InlineData("paz", "paz")]
    public void A_word_folds_to_its_letters_without_accents(string word, string folded)
    {
        Assert.Equal(folded, AccentInsensitiveComparer.Fold(word));
        Assert.Equal(AccentInsensitiveComparer.Instance.GetHashCode(folded), AccentInsensitiveComparer.Instance.GetHashCode(word));
    }

    [Fact]
    public void Both_countries_with_its_accent_are_the_two_countries_named_before()
    {
        var dyads = Dyads("Los presidentes de Perú y Bolivia se reunieron en La Paz. Ambos países firmaron un tratado.", "es");
        Assert.Contains(dyads, d => d.Source == "PER" && d.Target == "BOL" && d.Cameo == "057");
        Assert.Contains(dyads, d => d.Source == "BOL" && d.Target == "PER" && d.Cameo == "057");
    }

    [Fact]
    public void A_country_s_name_that_is_a_given_name_before_a_surname_is_a_person()
    {
        Assert.DoesNotContain(Dyads("Mauricio de la Fuente, portavoz de los huelguistas, dijo que los mineros ocuparon la plaza.", "es"), d => d.Source.StartsWith("MUS") || d.Target.StartsWith("MUS"));
        Assert.DoesNotContain(Dyads("Según Salvador Ramírez, los presos iniciaron una huelga de hambre.", "es"), d => d.Source.StartsWith("SLV") || d.Target.StartsWith("SLV"));
        Assert.Contains(Dyads("Mauricio firmó un tratado con la India.", "es"), d => d.Source == "MUS" && d.Cameo == "057");
    }

    [Fact]
    public void A_protest_lodged_with_a_government_is_an_official_complaint()
    {
        Assert.Contains(Dyads("El embajador británico presentó una protesta ante el gobierno chileno.", "es"), d => d.Target == "CHLGOV" && d.Cameo == "114");
        Assert.DoesNotContain(Dyads("Miles de estudiantes realizaron una marcha ante el gobierno chileno.", "es"), d => d.Cameo == "114");
    }

    [Fact]
    public void A_threatened_protest_has_the_protest_s_sides()
    {
        Assert.Contains(Dyads("Los mineros de Bolivia realizarán el lunes una marcha contra el presidente.", "es"), d => d.Source.StartsWith("BOL") && d.Target == "BOLGOV" && d.Cameo == "133");
    }
}
