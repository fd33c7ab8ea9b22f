namespace Monitoring.Classify.Tests.Classification;

/// <summary>A tagged country is one the article is about; a country named once in passing stays an entity only.</summary>
public sealed class CountryAboutnessTests
{
    // Long enough (over 150 tokens) for a story to have passing mentions; names no country.
    private static readonly string Body = string.Concat(Enumerable.Repeat(
        " The meeting lasted several hours and officials discussed schedules, budgets and staffing in detail.", 12));

    [Fact]
    public void A_country_named_once_in_passing_is_an_entity_but_not_a_tagged_country()
    {
        var result = Classifiers.Default.Classify(
            "Talks on grain exports resume",
            "Ukraine and Turkey resumed talks on Monday. Ukrainian officials said Turkey had offered its ports again, and Ukraine accepted. " +
            "The talks were led by a professor who studied in Australia." + Body);

        Assert.Equal(["UKR", "TUR"], result.Countries);
        Assert.Contains(result.Actors.Mentions, m => m.Code == "AUS");
    }

    [Fact]
    public void The_title_names_what_the_article_is_about_and_a_person_counts_for_the_country()
    {
        var result = Classifiers.Default.Classify(
            "Kenya closes two refugee camps",
            "Kenya said the camps would shut by June, and Kenya asked donors for help. Russia sent Sergei Shoigu to the region; " +
            "Shoigu discussed the plan, and Shoigu later met officials again. Somalia was mentioned once." + Body);

        Assert.Equal(["KEN", "RUS"], result.Countries.Order());
        Assert.Contains(result.Actors.Mentions, m => m.Code == "SOM");
    }

    [Fact]
    public void A_dateline_a_credit_line_and_a_role_word_beside_its_country_do_not_make_a_country_the_subject()
    {
        var result = Classifiers.Default.Classify(
            "Floods displace thousands",
            "WASHINGTON — Floods in Pakistan displaced thousands, and Pakistan asked for help. Pakistan's army flew in tents. " +
            "A Kenyan government spokesperson offered more." + Body + " Jane Doe contributed to this report from Washington.");

        Assert.Equal(["PAK"], result.Countries);
    }

    [Fact]
    public void A_short_story_keeps_every_country_it_names()
    {
        var result = Classifiers.Default.Classify(null, "Iran said it had arrested a spy ring working for Israel. Iran named five suspects and Iranian media showed their photographs.");

        Assert.Equal(["IRN", "ISR"], result.Countries);
    }

    [Fact]
    public void A_short_story_that_names_its_country_once_keeps_it()
    {
        var result = Classifiers.Default.Classify(null, "Police in Brazil arrested two suspects on Friday.");

        Assert.Equal(["BRA"], result.Countries);
    }
}
