
namespace Monitoring.Classify.Tests.Classification;

public sealed class ArticleClassifierTests
{
    private static readonly string[] SecurityTopics =
        ["diplomacy", "security-cooperation", "law-enforcement", "counter-terrorism", "cybersecurity", "transnational-crime"];

    [Fact]
    public void Sample_article_is_about_china_and_russia_law_enforcement_and_security_cooperation()
    {
        var result = Classifiers.Default.Classify(null, SampleArticle.Text);

        var topics = result.Topics.Select(t => t.Id).ToList();
        Assert.Contains("law-enforcement", topics);
        Assert.Contains("security-cooperation", topics);
        Assert.Equal(["CHN", "RUS"], result.Countries.Take(2).Order());
    }

    [Fact]
    public void A_single_passing_mention_does_not_make_a_topic()
    {
        var result = Classifiers.Default.Classify(null, SampleArticle.Text);

        // The sample names cybersecurity and anti-terrorism once each, in a list.
        Assert.DoesNotContain(result.Topics, t => t.Id is "cybersecurity" or "counter-terrorism");
    }

    [Theory]
    [InlineData("Late winner", "Manchester United beat Chelsea 2-1 at Old Trafford on Saturday. The striker scored in the 89th minute after a corner, and the manager praised the defence. The team climbs to third in the league table, two points behind the leaders, before the cup match on Wednesday.")]
    [InlineData("Phone review", "The new phone has a brighter screen, a faster chip and a battery that lasts two days. The camera struggles in low light, and the price is high, but the software is smooth and gets seven years of updates.")]
    [InlineData("Weeknight pasta", "Boil the pasta in salted water. Meanwhile fry the garlic in olive oil, add the tomatoes and simmer for ten minutes. Toss with basil and parmesan and serve at once.")]
    public void Sport_gadgets_and_recipes_get_no_diplomacy_or_security_topic(string title, string text)
    {
        var result = Classifiers.Default.Classify(title, text);

        Assert.DoesNotContain(result.Topics, t => SecurityTopics.Contains(t.Id));
    }

    [Theory]
    [InlineData("Do I need travel insurance?", "Most policies exclude terrorism. If a terrorist attack happens at your destination, check whether terrorist events are covered; terrorism cover costs extra.")]
    [InlineData("Cybersecurity best practices", "Hackers love weak passwords. Our tips: use a password manager, turn on two-factor authentication, and patch to stop ransomware. Cybersecurity starts at home; cyber security is everyone's job.")]
    [InlineData("Top consulting firms", "Consulting remains popular with MBA graduates; consulting and diplomatic skills matter, and consulting pays well.")]
    public void Commercial_and_consumer_pages_that_use_security_words_get_no_topic(string title, string text)
    {
        Assert.Empty(Classifiers.Default.Classify(title, text).Topics);
    }

    [Fact]
    public void A_country_name_inside_another_word_does_not_match()
    {
        var result = Classifiers.Default.Classify(null, "The woman who chaired the committee spoke about fine china and a chad in the ballot.");

        Assert.Empty(result.Countries);
    }

    [Theory]
    [InlineData("Officials in Moscow and the Kremlin confirmed the visit.", "RUS")]
    [InlineData("Министр прибыл в Россию, сообщает Россия сегодня.", "RUS")]
    [InlineData("中国外交部发言人表示。", "CHN")]
    [InlineData("The U.S. and Chinese delegations met.", "USA")]
    [InlineData("French and German diplomats met in Paris.", "FRA")]
    public void Countries_are_found_by_name_demonym_capital_and_script(string text, string expected)
    {
        var result = Classifiers.Default.Classify(null, text);

        Assert.Contains(expected, result.Countries);
    }

    [Fact]
    public void Abbreviations_match_only_in_capitals()
    {
        Assert.Contains("USA", Classifiers.Default.Classify(null, "The US embassy issued a warning.").Countries);
        Assert.DoesNotContain("USA", Classifiers.Default.Classify(null, "Let us talk about it.").Countries);
    }

    [Fact]
    public void Countries_are_ordered_by_how_often_the_article_names_them()
    {
        var result = Classifiers.Default.Classify(null, "Japan hosted talks. Japanese and Korean officials met; Japan said South Korea agreed. Tokyo welcomed it.");

        Assert.Equal(["JPN", "KOR"], result.Countries);
    }
}
