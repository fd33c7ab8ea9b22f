using System.Text.Json;

namespace Monitoring.Classify.Tests.Classification;

/// <summary>Stories a new user tried (written in our own words): each must get its topic and its countries.</summary>
public sealed class RealStoryTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Languages => new(["en", "fr", "de", "es", "ru", "zh", "ar"]);

    [Fact]
    public void A_sanctions_story_is_a_sanctions_story_although_its_key_word_comes_in_one_form()
    {
        var result = Classifiers.Default.Classify(
            "US imposes new sanctions on Iran's oil exports",
            "Washington on Tuesday targeted a network of tankers and traders that ship Iranian crude to Asia. The Treasury said the measures would choke revenue " +
            "that funds armed groups in the region. Tehran condemned the sanctions as piracy and vowed to keep selling oil.");

        var sanctions = Assert.Single(result.Topics, t => t.Id == "sanctions");
        Assert.Contains(sanctions.Evidence!, e => e.Start < 50 && e.Text == "sanctions");
        Assert.Contains("USA", result.Countries);
        Assert.Contains("IRN", result.Countries);
    }

    [Fact]
    public void A_missile_launch_is_tagged_from_its_headline()
    {
        var result = Classifiers.Default.Classify(
            "North Korea fires ballistic missile over Japan",
            "Residents of northern Japan were told to take shelter on Thursday morning as the missile flew overhead before falling into the Pacific. " +
            "Tokyo lodged a protest with Pyongyang through its embassy in Beijing.");

        Assert.Contains(result.Topics, t => t.Id == "missiles-wmd");
        Assert.Equal(["JPN", "PRK"], result.Countries.Where(c => c is "PRK" or "JPN").Order());
    }

    [Fact]
    public void A_french_espionage_story_and_a_russian_security_cooperation_story_are_tagged()
    {
        var french = Classifiers.Default.Classify(
            "Soupçonné d'espionnage, un officier interpellé à Brest",
            "Un officier de marine a été interpellé par la DGSI, soupçonné d'espionnage au profit de la Russie. Il aurait remis des documents classifiés à un agent du renseignement russe.");
        var russian = Classifiers.Default.Classify(
            "Россия и Китай расширят сотрудничество в сфере безопасности",
            "Секретарь Совета безопасности России провёл переговоры с министром общественной безопасности КНР. Стороны договорились о взаимодействии в борьбе с терроризмом и транснациональной преступностью.");

        Assert.Contains(french.Topics, t => t.Id == "espionage");
        Assert.Contains("RUS", french.Countries);
        Assert.Contains(russian.Topics, t => t.Id == "security-cooperation");
        Assert.Equal(["CHN", "RUS"], russian.Countries.Order());
    }

    [Fact]
    public void A_sovereignty_dispute_at_sea_is_diplomacy_and_denuclearisation_is_arms_control()
    {
        var sea = Classifiers.Default.Classify(
            "New coast guard rules alarm rival claimants in a disputed sea",
            "The government in Beijing said foreign ships must ask permission to enter the waters it claims. Manila and Hanoi, both claimant states, " +
            "said the rules ignore their own maritime claims and the arbitration ruling.");
        var korea = Classifiers.Default.Classify(
            "Washington says talks on denuclearization are stalled",
            "The State Department said Pyongyang had not answered offers to resume negotiations on the denuclearization of the Korean Peninsula.");

        Assert.Contains(sea.Topics, t => t.Id == "diplomacy");
        Assert.Contains(korea.Topics, t => t.Id == "arms-control");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Ten_articles_per_language_get_their_core_topic_and_their_inflected_country_names(string language)
    {
        var articles = File.ReadLines(RepositoryPaths.Combine("tests", "Monitoring.Classify.Tests", "Classification", "Data", "multilingual-articles.jsonl"))
            .Select(line => JsonSerializer.Deserialize<Labelled>(line, Json)!).Where(a => a.Lang == language).ToList();

        var wrong = new List<string>();
        foreach (var article in articles)
        {
            var result = Classifiers.Default.Classify(article.Title, article.Text);
            var topics = result.Topics.Select(t => t.Id).ToHashSet();
            var missingCountries = article.Countries.Where(c => c.Length == 3 && !result.Countries.Contains(c)).ToList();
            if (!article.Topics.All(topics.Contains) || missingCountries.Count > 0)
            {
                wrong.Add($"{article.Id}: topics [{string.Join(", ", topics)}], missing countries [{string.Join(", ", missingCountries)}]");
            }
        }

        Assert.Equal(10, articles.Count);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Переговоры России и Китая в Пекине", "RUS", "CHN")]
    [InlineData("La délégation de la Russie est arrivée à Pékin.", "RUS", "CHN")]
    [InlineData("Die Außenminister Russlands und Chinas trafen sich.", "RUS", "CHN")]
    [InlineData("El ministro ruso viajó a la capital china, Pekín.", "RUS", "CHN")]
    [InlineData("وصل الوفد الروسي إلى بكين وللصين موقف واضح.", "RUS", "CHN")]
    [InlineData("中俄两国外长在北京会谈，俄方表示满意。", "RUS", "CHN")]
    [InlineData("Представители КНР и РФ подписали соглашение.", "RUS", "CHN")]
    public void Inflected_and_adjectival_country_names_are_the_country(string text, string first, string second)
    {
        var countries = Classifiers.Default.Classify(null, text).Countries;

        Assert.Contains(first, countries);
        Assert.Contains(second, countries);
    }

    [Fact]
    public void A_people_name_resolves_to_its_country_in_any_script()
    {
        var latin = Classifiers.Default.Classify(null, "Sergei Shoigu met officials.").Actors.Actors;
        var cyrillic = Classifiers.Default.Classify(null, "Сергей Шойгу встретился с коллегами.").Actors.Actors;

        Assert.Contains(latin, a => a.Actor.Type == Monitoring.Classify.Actors.ActorType.Person && a.Code == "RUS");
        Assert.Contains(cyrillic, a => a.Actor.Type == Monitoring.Classify.Actors.ActorType.Person && a.Code == "RUS");
    }

    [Theory]
    [InlineData("Russia's Security Council met on Friday.")]
    [InlineData("The Russian Security Council met on Friday.")]
    public void A_national_security_council_is_its_country_s_not_the_un_s(string text)
    {
        var council = Assert.Single(Classifiers.Default.Classify(null, text).Actors.Actors, a => a.Actor.Type == Monitoring.Classify.Actors.ActorType.Organisation);

        Assert.Equal("RUS", council.Code);
    }

    [Fact]
    public void A_role_word_does_not_take_the_country_that_ends_the_line_before_it()
    {
        var envoy = Classifiers.Default.Classify(null, "Talks stalled with North Korea\nEnvoy Kim said she would return next week.").Actors.Mentions
            .Single(m => m.Actor.Type == Monitoring.Classify.Actors.ActorType.Role);

        Assert.Equal("", envoy.Code);
    }

    [Theory]
    [InlineData("Real Madrid beat Bayern in the final.", "ESP")]
    [InlineData("Michael Jordan signed shoes for fans.", "JOR")]
    [InlineData("She reached the semi-final of the China Open.", "CHN")]
    [InlineData("The ship sailed into the Indian Ocean.", "IND")]
    [InlineData("He files his taxes in New Jersey.", "JEY")]
    [InlineData("Wildfires spread across New Mexico.", "MEX")]
    public void A_club_a_brand_an_event_a_sea_or_another_place_is_not_a_country(string text, string country)
    {
        Assert.DoesNotContain(country, Classifiers.Default.Classify(null, text).Countries);
    }

    [Theory]
    [InlineData("El expresidente Mauricio Macri viajó a Madrid.", "MUS")]
    [InlineData("Le candidat Salvador Nasralla a contesté le résultat.", "SLV")]
    [InlineData("Jordan Pickford saved two penalties on Sunday.", "JOR")]
    [InlineData("Prosecutors charged Chad Wilkins with fraud.", "TCD")]
    [InlineData("El abogado Mauricio de la Vega presentó la demanda.", "MUS")]
    public void A_country_name_that_is_a_given_name_before_a_surname_is_a_person(string text, string country)
    {
        Assert.DoesNotContain(country, Classifiers.Default.Classify(null, text).Countries);
    }

    [Theory]
    [InlineData("Settlers moved into the Jordan Valley this year.", "JOR")]
    [InlineData("Jordan closed its border with Syria.", "JOR")]
    [InlineData("Chad President Mahamat Deby met the envoy.", "TCD")]
    [InlineData("Troops from Chad and Niger patrolled the border.", "TCD")]
    [InlineData("Mauricio celebró elecciones el domingo.", "MUS")]
    public void A_country_name_that_is_a_given_name_is_still_a_country_elsewhere(string text, string country)
    {
        Assert.Contains(country, Classifiers.Default.Classify(null, text).Countries);
    }

    [Theory]
    [InlineData("Papua New Guinea held elections.", "PNG")]
    [InlineData("New Zealand closed its border.", "NZL")]
    public void A_country_whose_name_begins_with_New_is_still_found(string text, string country)
    {
        Assert.Contains(country, Classifiers.Default.Classify(null, text).Countries);
    }

    [Fact]
    public void Binary_junk_gets_no_topic_and_no_actor()
    {
        var random = new Random(42);
        var bytes = new byte[4000];
        random.NextBytes(bytes);
        foreach (var text in new[] { System.Text.Encoding.UTF8.GetString(bytes), System.Text.Encoding.Latin1.GetString(bytes) })
        {
            var result = Classifiers.Default.Classify(null, "US UK Xi Jinping sanctions sanctions embargo " + text);

            Assert.Empty(result.Topics);
            Assert.Empty(result.Actors.Mentions);
        }
    }

    private sealed record Labelled(string Id, string Lang, string? Title, string Text, List<string> Topics, List<string> Countries);
}
