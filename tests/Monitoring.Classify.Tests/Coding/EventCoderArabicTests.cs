using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Who did what to whom in Arabic, written without vowels (our own sentences): the unmarked passive, roles with a
/// possessive suffix, the doer after an event noun, news agencies, foreigners; and the Spanish future of a verb that
/// carries an event noun.
/// </summary>
public sealed class EventCoderArabicTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text, string language) => Coders.Dyads(text, language);

    private static bool Violent(string cameo) => cameo[..2] is "18" or "19" or "20";

    [Theory]
    [InlineData("وقال مسؤول ان ثلاثة جنود أميركيين قتلوا وأصيب خمسة آخرون بجروح.")]
    [InlineData("وقتل جنديان أميركيان وأصيب ثالث بجروح امس.")]
    [InlineData("وكان اربعة جنود أميركيين قد قتلوا في هجوم على قافلتهم.")]
    public void Soldiers_who_were_killed_are_the_victims_not_the_attackers(string sentence)
    {
        var dyads = Dyads(sentence, "ar");
        Assert.Contains(dyads, d => d.Target == "USAMIL" && Violent(d.Cameo));
        Assert.DoesNotContain(dyads, d => d.Source == "USAMIL" && Violent(d.Cameo));
    }

    [Fact]
    public void Soldiers_who_killed_gunmen_are_the_attackers()
    {
        Assert.Contains(Dyads("وقتلت القوات الأميركية خمسة مسلحين في غارة.", "ar"), d => d.Source == "USAMIL" && d.Target == "---UAF" && Violent(d.Cameo));
    }

    [Fact]
    public void Forces_that_came_under_attack_are_its_target()
    {
        var dyads = Dyads("وتعرضت القوات البريطانية لهجوم بالصواريخ.", "ar");
        Assert.Contains(dyads, d => d.Target == "GBRMIL" && Violent(d.Cameo));
        Assert.DoesNotContain(dyads, d => d.Source == "GBRMIL");
    }

    [Fact]
    public void A_role_with_a_possessive_suffix_belongs_to_the_actor_named_before_it()
    {
        Assert.Contains(Dyads("وقال الجيش الأميركي إن جنوده قتلوا ستة مسلحين.", "ar"), d => d.Source == "USAMIL" && d.Target == "---UAF");
    }

    [Fact]
    public void The_doer_of_an_event_noun_follows_it_and_is_the_agent_of_the_deaths_it_caused()
    {
        Assert.Contains(Dyads("وقتل خمسة مدنيين جراء ضربة جوية أميركية.", "ar"), d => d.Source == "USA" && d.Target == "---CVL" && Violent(d.Cameo));
        Assert.Contains(Dyads("وقالت مصادر ان غارة إسرائيلية أدت الى مقتل ثلاثة اشخاص.", "ar"), d => d.Source == "ISR" && d.Target == "---CVL" && d.Cameo[..2] == "19");
    }

    [Fact]
    public void A_news_agency_is_nobody_in_the_event()
    {
        Assert.DoesNotContain(Dyads("وقتل خمسة مدنيين في انفجار سيارة مفخخة، حسب وكالة الصحافة الفرنسية.", "ar"), d => d.Source.StartsWith("FRA") || d.Target.StartsWith("FRA"));
    }

    [Fact]
    public void Foreign_forces_are_international()
    {
        Assert.Contains(Dyads("وقتل مسلحون ثلاثة جنود أجانب.", "ar"), d => d.Source == "---UAF" && d.Target == "INTMIL" && Violent(d.Cameo));
    }

    [Fact]
    public void A_land_is_not_a_short_town_with_a_preposition()
    {
        Assert.DoesNotContain(Dyads("وهاجم مسلحون قرية في شمال البلاد.", "ar"), d => d.Target.StartsWith("ISR") || d.Source.StartsWith("ISR"));
    }

    [Fact]
    public void The_spanish_future_of_a_verb_carrying_a_protest_makes_it_a_threat()
    {
        Assert.Contains(Dyads("Los sindicatos realizarán el jueves una marcha contra el gobierno.", "es"), d => d.Cameo == "133");
    }
}
