using Monitoring.Classify.Actors;

namespace Monitoring.Classify.Tests.Actors;

public sealed class ActorRecognizerTests
{
    private static ActorRecognition Recognize(string text) => Classifiers.Actors.Recognize(text);

    [Fact]
    public void The_sample_article_names_china_russia_their_officials_and_the_party()
    {
        var actors = Recognize(SampleArticle.Text).Actors;

        var byId = actors.ToDictionary(a => a.Actor.Id + "/" + a.Code);
        Assert.Contains("country:CHN/CHN", byId.Keys);
        Assert.Contains("country:RUS/RUS", byId.Keys);
        var chen = byId["person:chen-wenqing/CHN"];
        Assert.Contains(chen.Mentions, m => m.Via == "surname" && m.Text == "Chen");
        var shoigu = byId["person:sergei-shoigu/RUS"];
        Assert.Equal("Secretary of the Security Council (since May 2024)", shoigu.Actor.Role);
        Assert.Equal("GOV", shoigu.Actor.Sectors[0]);
        Assert.Contains(shoigu.Mentions, m => m.Text == "Shoigu");
        Assert.Contains("org:cpc/CPC", byId.Keys);
        Assert.Contains("org:russia-security-council/RUS", byId.Keys);
    }

    [Fact]
    public void Every_mention_carries_its_entry_the_text_and_offsets_into_the_input()
    {
        const string text = "Talks in Beijing: the Kremlin said Lavrov would fly to Brussels for NATO talks.";

        foreach (var mention in Recognize(text).Mentions)
        {
            Assert.Equal(mention.Text, text[mention.Start..mention.End]);
            Assert.False(string.IsNullOrEmpty(mention.Actor.Id));
        }

        Assert.Equal(["CHN", "RUS", "RUS", "BEL", "NATO"], Recognize(text).Mentions.Where(m => m.Actor.Type != ActorType.Role).Select(m => m.Code));
    }

    [Theory]
    [InlineData("Defence chief Sergei Shoigu arrived.")]
    [InlineData("Sergey Shoygu arrived in Pyongyang.")]
    [InlineData("Secretary Sergei\nShoigu arrived.")]
    [InlineData("Сергей Шойгу прибыл в Пхеньян.")]
    [InlineData("绍伊古抵达平壤。")]
    [InlineData("وصل شويغو إلى بيونغ يانغ.")]
    public void A_person_is_found_by_aliases_in_several_spellings_and_scripts(string text)
    {
        Assert.Contains(Recognize(text).Mentions, m => m.Actor.Id == "person:sergei-shoigu" && m.Code == "RUS");
    }

    [Theory]
    [InlineData("The SCO and BRICS met; the CSTO and ASEAN did not.", new[] { "SCO", "BRICS", "CSTO", "ASEAN" })]
    [InlineData("Interpol and the EU warned; the UN and NATO agreed.", new[] { "INTERPOL", "EU", "UN", "NATO" })]
    [InlineData("ООН и НАТО; 上合组织和欧盟.", new[] { "UN", "NATO", "SCO", "EU" })]
    public void International_organisations_have_codes(string text, string[] codes)
    {
        Assert.Equal(codes, Recognize(text).Mentions.Where(m => m.Actor.Type == ActorType.Organisation).Select(m => m.Code));
    }

    [Theory]
    [InlineData("Russian police detained two men.", "RUS", "COP")]
    [InlineData("China's foreign minister spoke.", "CHN", "GOV")]
    [InlineData("The army of Sudan advanced.", "SDN", "MIL")]
    public void Role_words_map_to_sectors_and_take_the_adjacent_country(string text, string country, string sector)
    {
        var role = Assert.Single(Recognize(text).Mentions, m => m.Actor.Type == ActorType.Role);

        Assert.Equal(country, role.Code);
        Assert.Equal(sector, role.Sectors[0]);
    }

    [Fact]
    public void Capitals_and_seats_of_power_stand_for_their_country()
    {
        var codes = Recognize("Beijing and the Kremlin answered Washington; Downing Street was silent.").Countries;

        Assert.Equal(["CHN", "RUS", "USA", "GBR"], codes);
    }

    [Fact]
    public void Within_returns_the_mentions_of_one_sentence()
    {
        const string text = "Putin met Xi in Moscow. Later, Macron called Zelensky.";
        var recognition = Recognize(text);
        var second = text.IndexOf("Later", StringComparison.Ordinal);

        Assert.Equal(["person:emmanuel-macron", "person:volodymyr-zelensky"], recognition.Within(second, text.Length).Select(m => m.Actor.Id));
        Assert.Equal(["RUS", "CHN", "RUS"], recognition.Within(0, second).Select(m => m.Code));
    }

    [Fact]
    public void A_name_inside_another_word_or_in_lower_case_does_not_match()
    {
        Assert.DoesNotContain(Recognize("The woman bought fine china and a putin-style hat; un peu de tout.").Mentions, m => m.Actor.Type != ActorType.Role);
        Assert.DoesNotContain(Recognize("Us too. Bbc is not BBC.").Mentions, m => m.Text is "Us" or "Bbc");
    }
}
