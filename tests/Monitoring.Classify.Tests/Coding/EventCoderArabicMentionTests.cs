using Monitoring.Classify.Tests.Support;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Arabic events a sentence names without reporting them (our own sentences): what a protest or demand is about, an
/// earlier event a time phrase dates the report by, slogans, tolls, shots into the air, protests that "exploded";
/// and protesters who attack are rioters, the doer after an attack verb.
/// </summary>
public sealed class EventCoderArabicMentionTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) => Coders.Dyads(text, "ar");

    private static bool Violent(string cameo) => cameo[..2] is "17" or "18" or "19" or "20";

    [Theory]
    [InlineData("وتظاهر مئات الطلاب في القاهرة احتجاجا على مقتل زميلهم.")]
    [InlineData("وتظاهر المئات احتجاجا على مقتل شاب برصاص الشرطة.")]
    [InlineData("وخرج العمال الى الشوارع للاحتجاج على اعتقال ثلاثة نقابيين.")]
    [InlineData("وتجمع المحتجون أمام البرلمان مطالبين الحكومة بوقف الغارات على القرى.")]
    [InlineData("وتجمع المئات في الساحة الرئيسية بعد الهجوم على الكنيسة.")]
    [InlineData("ورفع المتظاهرون لافتات كتب عليها «أوقفوا القتل» أمام مقر الحكومة.")]
    [InlineData("وتظاهر الآلاف في وسط المدينة وأطلق بعضهم النار في الهواء.")]
    [InlineData("وانفجرت المظاهرات في عدة مدن عراقية.")]
    public void A_protest_sentence_reports_the_protest_not_the_violence_it_names(string sentence)
    {
        var dyads = Dyads(sentence);
        Assert.Contains(dyads, d => d.Cameo[..2] == "14");
        Assert.DoesNotContain(dyads, d => Violent(d.Cameo));
    }

    [Fact]
    public void The_dead_and_wounded_of_a_clash_are_its_toll_not_another_event()
    {
        var dyads = Dyads("واشتبك المتظاهرون مع الشرطة في وسط المدينة مما أدى الى سقوط عشرة جرحى.");
        Assert.Contains(dyads, d => d.Cameo == "145" && d.Source == "---OPP" && d.Target == "---COP");
        Assert.DoesNotContain(dyads, d => Violent(d.Cameo));
    }

    [Fact]
    public void Protesters_after_an_attack_verb_attack_and_riot()
    {
        Assert.Equal([("---OPP", "---", "145")], Dyads("وهاجم المحتجون مبنى البلدية."));
    }

    [Fact]
    public void A_mention_of_the_kind_the_sentence_reports_keeps_its_actors()
    {
        var dyads = Dyads("وقتل ثلاثة جنود أميركيين في هجوم على دوريتهم.");
        Assert.Contains(dyads, d => d.Target == "USAMIL" && Violent(d.Cameo));
    }

    [Fact]
    public void A_sentence_that_only_names_an_event_keeps_it()
    {
        Assert.Contains(Dyads("وقال الوزير ان التحقيق مستمر بعد الهجوم على الكنيسة."), d => d.Cameo[..2] == "19");
    }
}
