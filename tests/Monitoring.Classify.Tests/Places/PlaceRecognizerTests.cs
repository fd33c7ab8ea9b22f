using Monitoring.Classify.Places;
using Monitoring.Contracts;

namespace Monitoring.Classify.Tests.Places;

/// <summary>The places stage on the shipped gazetteer: names found, ambiguity decided by the article's countries, events placed.</summary>
public sealed class PlaceRecognizerTests
{
    private static PlaceRecognizer Places => Classifiers.Places;

    private static List<PlaceMention> Recognize(string text, string? language = "en") => Places.Recognize(Classifiers.Default.Classify(null, text), language);

    private static GazetteerEntry Only(string text, string name, string? language = "en") =>
        Recognize(text, language).Single(m => m.Text == name).Place!;

    [Fact]
    public void Paris_alone_in_a_French_story_is_the_capital()
    {
        var paris = Only("President Macron met union leaders in Paris on Monday as France braced for a general strike over pensions.", "Paris");
        Assert.Equal(("FRA", 2988507L), (paris.Country, paris.GeoNameId));
    }

    [Fact]
    public void Paris_in_a_story_about_Texas_is_Paris_Texas()
    {
        var paris = Only("Police in Paris said a tornado damaged dozens of homes across Lamar County, and the governor of Texas sent state troopers to help.", "Paris");
        Assert.Equal(("USA", 4717560L), (paris.Country, paris.GeoNameId));
    }

    [Fact]
    public void A_qualifier_decides_outright()
    {
        var mentions = Recognize("A tornado struck Paris, Texas, on Sunday night.");
        Assert.Equal(4717560L, mentions.Single(m => m.Text == "Paris").Place!.GeoNameId);
        Assert.Equal(("region", "USA"), (mentions.Single(m => m.Text == "Texas").Place!.Kind.ToString().ToLowerInvariant(), mentions.Single(m => m.Text == "Texas").Place!.Country));
    }

    [Fact]
    public void Georgia_is_the_country_beside_Russia_and_the_state_beside_Atlanta()
    {
        var country = Only("Russia warned Georgia against joining NATO, and Georgian officials in Tbilisi said the talks would go on.", "Georgia");
        Assert.Equal((PlaceKind.Country, "GEO"), (country.Kind, country.Country));

        var state = Only("Voters in Georgia lined up for hours in Atlanta as the United States counted the ballots of the Senate runoff.", "Georgia");
        Assert.Equal((PlaceKind.Region, "USA", "GA"), (state.Kind, state.Country, state.Admin1));
    }

    [Fact]
    public void A_city_wins_over_its_region_and_exonyms_are_found()
    {
        var kharkiv = Only("Russian missiles struck Kharkiv overnight, Ukrainian officials said.", "Kharkiv");
        Assert.Equal((PlaceKind.City, 706483L), (kharkiv.Kind, kharkiv.GeoNameId));
        Assert.Equal(706483L, Only("Russian missiles struck Kharkov overnight, Ukrainian officials said.", "Kharkov").GeoNameId);
        Assert.Equal("GBR", Only("El Gobierno argentino protestó ante Londres por la pesca en aguas de las islas.", "Londres", "es").Country);
    }

    [Fact]
    public void Names_inside_other_names_and_ordinary_words_are_not_places()
    {
        Assert.DoesNotContain(Recognize("Protests spread after the killing of George Floyd in Minneapolis."), m => m.Text == "George");
        Assert.DoesNotContain(Recognize("Most lawmakers agreed. Police said the Union would meet."), m => m.Text is "Most" or "Police" or "Union");
    }

    [Fact]
    public void An_event_is_placed_at_the_name_nearest_its_trigger_else_at_the_focus_country()
    {
        var classification = Classifiers.Default.Classify(null, "Syrian government forces shelled Aleppo on Tuesday. The Syrian army said it would continue its operations.");
        var mentions = Places.Recognize(classification, "en");
        var events = Places.Locate(
        [
            Event(classification.Text, "shelled"),
            Event(classification.Text, "continue"),
        ], mentions, classification);
        Assert.Equal(("Aleppo", "sentence"), (events[0].Place!.Name, events[0].Place!.Basis));
        Assert.Equal(("Syria", "country", "focus"), (events[1].Place!.Name, events[1].Place!.Kind, events[1].Place!.Basis));
    }

    [Fact]
    public void The_article_lists_its_places_most_named_first()
    {
        var places = PlaceRecognizer.ArticlePlaces(Recognize("Shelling hit Kharkiv. Kharkiv's mayor said Kyiv had sent help to Kharkiv."));
        Assert.Equal(["Kharkiv", "Kyiv"], places.Select(p => p.Name));
        Assert.Equal(3, places[0].Mentions);
        Assert.Equal(49.98, places[0].Latitude, 1);
    }

    private static CodedEvent Event(string text, string trigger)
    {
        var at = text.IndexOf(trigger, StringComparison.Ordinal);
        var sentenceStart = text.LastIndexOf('.', at) + 1;
        var sentenceEnd = text.IndexOf('.', at) + 1;
        var nobody = new EventActor { Text = "", Code = "---", Start = 0, End = 0 };
        return new CodedEvent
        {
            Cameo = "190", Root = "19", QuadClass = 4, Goldstein = -10, Source = nobody, Target = nobody,
            Sentence = text[sentenceStart..sentenceEnd], SentenceStart = sentenceStart, SentenceEnd = sentenceEnd,
            Trigger = trigger, TriggerStart = at, TriggerEnd = at + trigger.Length,
        };
    }
}
