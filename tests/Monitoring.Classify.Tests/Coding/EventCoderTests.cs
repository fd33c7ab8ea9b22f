using Monitoring.Classify.Coding;
using Monitoring.Contracts;
using Monitoring.Ingest.Extraction;

namespace Monitoring.Classify.Tests.Coding;

/// <summary>The event coder on the sample article and on the constructions it must handle without a parser.</summary>
public sealed class EventCoderTests
{
    private static List<(string Source, string Target, string Cameo)> Dyads(string text) =>
        Coders.Default.Code(text).Select(e => (e.Source.Code, e.Target.Code, e.Cameo)).ToList();

    [Fact]
    public void The_sample_article_has_a_China_Russia_meeting_and_intended_security_and_judicial_cooperation_with_the_sentences_as_evidence()
    {
        var text = new ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text;

        var events = Coders.Default.Code(text);

        var meetings = events.Where(e => e.Root == "04").ToList();
        Assert.Contains(meetings, e => e.Source.Code == "CHN" && e.Target.Code == "RUS");
        Assert.Contains(meetings, e => e.Source.Code == "RUS" && e.Target.Code == "CHN");
        Assert.Contains(meetings, e => e.Sentence == SampleArticle.FirstParagraph);

        var cooperation = Assert.Single(events, e => e.Cameo == "0313");
        Assert.Equal(("RUS", "CHN"), (cooperation.Source.Code, cooperation.Target.Code));
        Assert.StartsWith("Shoigu said that Russia is willing to comprehensively advance security and law-enforcement cooperation with China", cooperation.Sentence, StringComparison.Ordinal);
        Assert.Equal(1, cooperation.QuadClass);
        Assert.Equal(5.2, cooperation.Goldstein);
        Assert.Equal("03", cooperation.Root);

        // "have cooperated closely in … judicial assistance": judicial cooperation done (063), both ways, not aid given.
        Assert.Contains(events, e => e is { Cameo: "063", Source.Code: "CHN", Target.Code: "RUS" });
        Assert.Contains(events, e => e is { Cameo: "063", Source.Code: "RUS", Target.Code: "CHN" });
        Assert.DoesNotContain(events, e => e.Root == "07");

        // Every event's evidence points into the text it came from.
        Assert.All(events, e =>
        {
            Assert.Equal(e.Sentence, text[e.SentenceStart..e.SentenceEnd]);
            Assert.Equal(e.Trigger, text[e.TriggerStart..e.TriggerEnd]);
            Assert.Equal(e.Source.Text, text[e.Source.Start..e.Source.End]);
            Assert.Equal(e.Target.Text, text[e.Target.Start..e.Target.End]);
            Assert.InRange(e.TriggerStart, e.SentenceStart, e.SentenceEnd);
        });
        Assert.DoesNotContain(events, e => e.Source.Code == e.Target.Code);
    }

    [Fact]
    public void Coding_a_classification_reuses_its_actors_and_points_into_the_body_not_the_title()
    {
        const string title = "Japan protests to China";
        const string body = "Japan and South Korea held talks in Seoul. Chinese police arrested Russian students in Moscow today.";
        var classification = Classifiers.Default.Classify(title, body);
        Assert.True(classification.BodyStart > 0);

        var coded = Coders.Default.Code(classification);
        var events = coded.Where(e => !e.InTitle).ToList();

        // The same events as coding the body alone, with the same offsets into it; the title's are marked as the title's.
        Assert.Equal(
            Coders.Default.Code(body).Select(e => (e.Cameo, e.Source.Code, e.Target.Code, e.SentenceStart, e.TriggerStart, e.Source.Start, e.Target.End)),
            events.Select(e => (e.Cameo, e.Source.Code, e.Target.Code, e.SentenceStart, e.TriggerStart, e.Source.Start, e.Target.End)));
        Assert.Contains(coded, e => e.InTitle && e.Source.Code == "JPN" && e.Target.Code == "CHN" && e.Trigger == title[e.TriggerStart..e.TriggerEnd]);
        Assert.Contains(events, e => e.Source.Code == "CHN" && e.Target.Code == "RUS" && e.Root == "17");
        Assert.Contains(events, e => e.Source.Code == "JPN" && e.Target.Code == "KOR" && e.Root == "04");
        Assert.All(events, e =>
        {
            Assert.Equal(e.Sentence, body[e.SentenceStart..e.SentenceEnd]);
            Assert.Equal(e.Trigger, body[e.TriggerStart..e.TriggerEnd]);
            Assert.Equal(e.Source.Text, body[e.Source.Start..e.Source.End]);
            Assert.Equal(e.Target.Text, body[e.Target.Start..e.Target.End]);
        });
    }

    [Fact]
    public void A_compound_subject_acting_together_gives_both_directions()
    {
        Assert.Equal([("CHN", "RUS", "0313"), ("RUS", "CHN", "0313")], Dyads("China and Russia agreed to cooperate on extradition."));
        Assert.Equal([("JPN", "KOR", "057"), ("KOR", "JPN", "057")], Dyads("Japan and South Korea signed an intelligence-sharing agreement."));
    }

    [Fact]
    public void A_compound_target_gives_one_event_per_target()
    {
        Assert.Equal([("USA", "IRN", "163"), ("USA", "PRK", "163")], Dyads("The United States imposed sanctions on Iran and North Korea."));
    }

    [Fact]
    public void In_the_passive_voice_the_agent_is_the_source()
    {
        var attack = Assert.Single(Coders.Default.Code("Georgia was attacked by Russian troops on Monday."));

        Assert.Equal(("RUS", "MIL", "GEO", "190"), (attack.Source.Code, attack.Source.Sector, attack.Target.Code, attack.Cameo));
        Assert.Equal("Russian troops", attack.Source.Text);
        Assert.Equal(4, attack.QuadClass);
    }

    [Fact]
    public void Reported_speech_codes_the_clause_with_the_source_it_names()
    {
        var events = Coders.Default.Code("Shoigu said that Russia is willing to advance law-enforcement cooperation with China.");

        var e = Assert.Single(events);
        Assert.Equal(("RUS", "CHN", "0313"), (e.Source.Code, e.Target.Code, e.Cameo));
    }

    [Fact]
    public void Reported_speech_gives_the_speaker_as_source_when_the_clause_names_none()
    {
        Assert.Equal([("JPN", "CHN", "036")], Dyads("Japan said on Monday that it would meet with China next week."));
        Assert.Equal([("IND", "PAK", "173")], Dyads("Indian police arrested Pakistani smugglers, the Indian foreign ministry said."));
    }

    [Theory]
    [InlineData("Crowds burned down the embassy, a senior French official said.")]
    [InlineData("Iranian crowds burned down the embassy, a French official said.")]
    [InlineData("Iranians burned down its embassy, a French official told reporters.")]
    public void The_speaker_of_a_trailing_said_is_not_the_target(string sentence)
    {
        Assert.DoesNotContain(Dyads(sentence), d => d.Target == "FRA");
    }

    [Theory]
    [InlineData("Russia said that it would not attack Georgia.")]
    [InlineData("China did not meet with Japan.")]
    [InlineData("Russia denied that its officials met with Ukrainian diplomats.")]
    [InlineData("Iran never signed an agreement with Iraq.")]
    [InlineData("Turkey refused to meet with Greece.")]
    public void A_negated_or_denied_event_is_no_event(string sentence)
    {
        Assert.DoesNotContain(Dyads(sentence), d => d.Cameo.StartsWith("04", StringComparison.Ordinal) || d.Cameo.StartsWith("05", StringComparison.Ordinal) || d.Cameo.StartsWith("19", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_verbs_in_one_sentence_give_two_events_sharing_their_subject()
    {
        Assert.Equal([("CHN", "JPN", "111"), ("CHN", "LBN", "033")], Dyads("China condemned Japan on Monday and promised aid to Lebanon."));
    }

    [Fact]
    public void Two_clauses_with_their_own_subjects_give_two_events()
    {
        Assert.Equal([("USA", "IRN", "163"), ("IND", "PAK", "161")],
            Dyads("The United States imposed sanctions on Iran, while India expelled a Pakistani diplomat."));
    }

    [Fact]
    public void Intent_turns_cooperation_into_intent_to_cooperate()
    {
        Assert.Equal([("JPN", "CHN", "036")], Dyads("Japan is ready to meet with China next month."));
        Assert.Equal([("JPN", "CHN", "036")], Dyads("Japan said it will meet with China next month."));
        Assert.Equal([("FRA", "DEU", "040")], Dyads("France met with Germany on Monday."));

        // A plain future, not reported, is a meeting scheduled (as CAMEO coders and PETRARCH code it).
        Assert.Equal([("JPN", "CHN", "040")], Dyads("Japan will meet with China next month."));
    }

    [Fact]
    public void Nouns_spelled_like_verbs_are_not_verbs_and_take_no_doer_from_afar()
    {
        // Coded from their trigger words only where no verb gives an event, and only with the actors next to them.
        Assert.DoesNotContain(Dyads("The attack on Syria and the meeting of Chinese diplomats drew crowds."), d => d.Source == "SYR");
        Assert.All(Coders.Default.Code("The attack on Syria and the meeting of Chinese diplomats drew crowds."), e => Assert.Equal(CodedEvents.TriggerBasis, e.Basis));
        Assert.DoesNotContain(Dyads("A brief private visit to France is planned."), d => d.Cameo == "042");
    }

    [Fact]
    public void Role_words_give_the_actor_its_sector()
    {
        var arrest = Assert.Single(Coders.Default.Code("Chinese police arrested Russian students in Moscow today."));

        Assert.Equal(("CHN", "COP", "RUS", "EDU", "173"), (arrest.Source.Code, arrest.Source.Sector, arrest.Target.Code, arrest.Target.Sector, arrest.Cameo));
    }

    [Fact]
    public void A_side_the_sentence_does_not_name_is_coded_as_unknown_not_invented()
    {
        Assert.Equal([("FRA", "---", "190")], Dyads("France attacked yesterday."));
        var meeting = Assert.Single(Coders.Default.Code("The minister met reporters in the capital."));
        Assert.Equal(("---", "GOV", "---", "MED", "040"), (meeting.Source.Code, meeting.Source.Sector, meeting.Target.Code, meeting.Target.Sector, meeting.Cameo));
        Assert.Equal([], Dyads("The weather was mild and the markets were calm."));
    }

    [Fact]
    public void The_seam_takes_any_actor_finder()
    {
        var coder = Coders.With(new PhraseActorFinder([new ActorEntry("Gondor", "GON"), new ActorEntry("Arnor", "ARN"), new ActorEntry("Minas Tirith", "GON", "GOV")], Coders.English));

        var events = coder.Code("Arnor signed a peace treaty with Minas Tirith.");

        var e = Assert.Single(events);
        Assert.Equal(("ARN", "GON", "GOV"), (e.Source.Code, e.Target.Code, e.Target.Sector));
    }

    [Fact]
    public void Sentences_split_at_full_stops_but_not_after_abbreviations()
    {
        const string text = "The U.S. envoy met Mr. Smith in Paris. Talks resumed on Monday!\nA new line starts here";

        var sentences = SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(["The U.S. envoy met Mr. Smith in Paris.", "Talks resumed on Monday!", "A new line starts here"], sentences);
    }

    [Fact]
    public void Towns_and_regions_the_places_stage_resolved_are_targets_and_give_their_country_to_actors_named_there()
    {
        static List<(string, string, string)> Coded(string body)
        {
            var classification = Classifiers.Default.Classify("", body);
            var places = Classifiers.Places.Recognize(classification, "en");
            return Coders.Default.Code(classification, "en", places)
                .Select(e => (e.Source.Code + e.Source.Sector, e.Target.Code + e.Target.Sector, e.Cameo)).ToList();
        }

        Assert.Contains(Coded("Russian forces shelled Kharkiv overnight, officials said."), d => d.Item1.StartsWith("RUS", StringComparison.Ordinal) && d.Item2 == "UKR");
        Assert.Contains(Coded("Rebels near Mosul attacked an army convoy."), d => d.Item1 == "IRQREB");
        // Without the places stage's names the town is no actor.
        var classification = Classifiers.Default.Classify("", "Rebels near Mosul attacked an army convoy.");
        Assert.DoesNotContain(Coders.Default.Code(classification, "en"), e => e.Source.Code == "IRQ");
    }
}
