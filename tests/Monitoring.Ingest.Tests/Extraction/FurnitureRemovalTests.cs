using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>
/// Pages built here for each kind of furniture (comment threads of two systems, related lists, newsletter, share and
/// author boxes, cookie banners) in several languages: the article comes out, the furniture does not.
/// </summary>
public sealed class FurnitureRemovalTests
{
    private readonly ArticleExtractor _extractor = new();

    private static string Article(string language) => language switch
    {
        "fr" => """
            <p>Les ministres des affaires étrangères des deux pays ont signé l'accord jeudi, en présence d'observateurs des Nations unies.</p>
            <p>Le texte règle un différend frontalier qui dure depuis quatre décennies et a coûté des centaines de vies le long du fleuve.</p>
            <p>Les parlements des deux capitales doivent le ratifier avant la fin de l'année, ont indiqué des responsables.</p>
            """,
        "de" => """
            <p>Die Außenminister beider Länder unterzeichneten das Abkommen am Donnerstag im Beisein von Beobachtern der Vereinten Nationen.</p>
            <p>Es beendet einen Grenzstreit, der vier Jahrzehnte dauerte und Hunderte Menschenleben entlang des Flusses gekostet hat.</p>
            <p>Die Parlamente beider Hauptstädte sollen den Text bis Jahresende ratifizieren, sagten Beamte.</p>
            """,
        _ => """
            <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers from the United Nations.</p>
            <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
            <p>Parliaments in both capitals are expected to ratify the text before the end of the year, officials said.</p>
            """,
    };

    private string Extract(string body) => _extractor.Extract(new ArticleSubmission { Html = $"<html><body>{body}</body></html>" }).Text;

    [Theory]
    [InlineData("en", "Leave a Reply")]
    [InlineData("fr", "Laisser un commentaire")]
    [InlineData("de", "Kommentare")]
    public void A_wordpress_style_comment_thread_is_not_the_article(string language, string heading)
    {
        var text = Extract($$"""
            <article class="post"><h1>Accord</h1>{{Article(language)}}</article>
            <div id="comments" class="comments-area"><h2>{{heading}}</h2><ol class="comment-list">
              <li class="comment"><p class="comment-author">Marie said:</p><p>I have followed this dispute for years and I am glad it is finally over, although I doubt the parliaments will move quickly.</p></li>
              <li class="comment"><p class="comment-author">Tom said:</p><p>Another agreement on paper that nobody on the ground will respect, just like the one signed a decade ago by the same people.</p></li>
            </ol></div>
            """);

        Assert.Contains(FirstWords(Article(language)), text, StringComparison.Ordinal);
        Assert.DoesNotContain("said:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("on paper", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latest_news_grid_as_long_as_the_article_is_cut_at_its_heading()
    {
        // The two teasers after the heading together hold more text than the article: the heading is past the
        // article's first third, not its middle.
        var text = Extract($$"""
            <div class="page"><h1>Accord</h1>{{Article("en")}}
              <h3>Latest News</h3>
              <div><h4>Harbour workers end their strike after the port authority agrees to a new pay scale for night shifts</h4>
              <p>The dockers' union said on Monday that its members would return to work after three weeks, once the port authority had put in writing the new pay scale for night shifts and weekends.</p><a href="/a">Read More</a></div>
              <div><h4>City council approves the tram extension to the northern suburbs after a decade of delays</h4>
              <p>Councillors voted by a large majority to fund the extension, which planners say will cut commuting times from the northern suburbs by half once the line opens in four years.</p><a href="/b">Read More</a></div>
            </div>
            """);

        Assert.Contains(FirstWords(Article("en")), text, StringComparison.Ordinal);
        Assert.Contains("officials said.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour workers", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tram extension", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caption_ending_in_the_photographers_credit_is_not_text()
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Article("en")}}
              <p>The ministers shake hands after signing the accord. Photo by: 'Jane Doe'.</p>
              <p>Observers from the United Nations watch the ceremony. | Photo by Omar Haddad</p>
              <p>Die Minister nach der Unterzeichnung. Foto: Max Muster</p>
              <p>Retouch photos by removing, replacing and correcting details before the prints go to the archive.</p>
            </article>
            """);

        Assert.Contains("officials said.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Doe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Omar Haddad", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Max Muster", text, StringComparison.Ordinal);
        Assert.Contains("Retouch photos by removing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caption_marked_by_its_class_beside_its_image_is_not_text_and_other_captions_are()
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Article("en")}}
              <div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">The two delegations in the hall before the ceremony began</p></div>
              <blockquote><p>We have waited forty years for this day, and now it has come at last.</p><p class="quote-caption">The mayor of the river town</p></blockquote>
              <div class="profile"><div class="box-caption">About the writer</div><img src="b.jpg"><p>She covered the border talks for the paper for ten years, from both capitals.</p></div>
            </article>
            """);

        Assert.DoesNotContain("two delegations in the hall", text, StringComparison.Ordinal);
        Assert.Contains("The mayor of the river town", text, StringComparison.Ordinal);
        Assert.Contains("About the writer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_org_comment_thread_inside_the_article_is_dropped()
    {
        var text = Extract($$"""
            <article>{{Article("en")}}
              <section><div itemscope itemtype="https://schema.org/Comment"><p>Reader one: this accord will not hold because neither army has agreed to pull back from the river crossings.</p></div>
              <div itemscope itemtype="https://schema.org/Comment"><p>Reader two: the ministers deserve credit for finishing what their predecessors could not do in forty years.</p></div></section>
            </article>
            """);

        Assert.Contains("Parliaments in both capitals", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reader one", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reader two", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Related articles", "Subscribe to our newsletter")]
    [InlineData("fr", "Articles similaires", "Abonnez-vous à notre newsletter")]
    [InlineData("de", "Ähnliche Artikel", "Newsletter abonnieren")]
    public void Related_lists_newsletter_share_and_author_boxes_are_not_the_article(string language, string related, string newsletter)
    {
        var text = Extract($$"""
            <main><article><h1>Accord</h1>
              <div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a> <span>Print this page for your records</span></div>
              {{Article(language)}}
              <div class="newsletter-signup"><h3>{{newsletter}}</h3><p>Every morning, the stories that matter from the region, straight to your inbox.</p></div>
              <div class="author-bio"><p>Jane Doe has covered the region's diplomacy for twenty years from three different capitals.</p></div>
              <h3>{{related}}</h3>
              <ul><li><a href="/a">Ceasefire talks stall again in the north</a></li><li><a href="/b">Border towns count the cost of decades of war</a></li></ul>
            </article></main>
            """);

        Assert.Contains(FirstWords(Article(language)), text, StringComparison.Ordinal);
        Assert.DoesNotContain("inbox", text, StringComparison.Ordinal);
        Assert.DoesNotContain("twenty years", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Print this page", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ceasefire talks", text, StringComparison.Ordinal);
        Assert.DoesNotContain(related, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("We use cookies to improve your experience. By continuing you accept our cookie policy.")]
    [InlineData("Nous utilisons des cookies. En poursuivant, vous acceptez notre politique de confidentialité.")]
    [InlineData("Wir verwenden Cookies. Mit der Nutzung der Seite stimmen Sie der Datenschutzerklärung zu und akzeptieren sie.")]
    public void Cookie_banners_never_reach_the_body(string banner)
    {
        var text = Extract($"<article>{Article("en")}<p>{banner}</p></article>");

        Assert.Contains("Parliaments in both capitals", text, StringComparison.Ordinal);
        Assert.DoesNotContain(banner[..20], text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_candidate_with_the_article_wins_over_a_teaser_and_says_which_it_was()
    {
        // The <article> element is a short teaser; the real story is paragraphs in a plain wrapper elsewhere.
        var html = $$"""
            <html><body><article class="teaser"><p>Read our coverage of the accord, signed on Thursday after years of talks.</p></article>
            <div class="wrap"><div>{{Article("en")}}<p>Observers said the signing ceremony lasted less than an hour, and both delegations left without taking questions from the press.</p></div></div></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Html = html });

        Assert.Contains("Parliaments in both capitals", article.Text, StringComparison.Ordinal);
        Assert.Contains("Observers said", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Read our coverage", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Method, new[] { "readability", "paragraphs" });
    }

    [Fact]
    public void A_page_that_renders_by_script_falls_back_to_json_ld_and_says_so()
    {
        const string html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume",
            "articleBody":"Negotiators from both delegations resumed talks in Geneva on Monday after a two-month pause.\nThe agenda includes prisoner exchanges, humanitarian corridors and the monitoring of a ceasefire line that both sides have accused the other of violating."}</script></head>
            <body><div id="app"><p>Loading the latest news for you, please wait a moment…</p></div></body></html>
            """;

        var article = _extractor.Extract(new ArticleSubmission { Html = html });

        Assert.Equal("jsonld", article.Method);
        Assert.StartsWith("Negotiators from both delegations", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommended_box_between_two_paragraphs_drops_the_box_and_keeps_the_rest_of_the_article()
    {
        var text = Extract("""
            <article><h1>Accord</h1><section>
              <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers from the United Nations.</p>
              <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
              <div><h2>Recommended Reading</h2><ul><li><a href="/a">Harbour workers end their strike</a></li><li><a href="/b">The tram reaches the suburbs</a></li></ul></div>
              <p>Parliaments in both capitals are expected to ratify the text before the end of the year, officials said on Friday.</p>
            </section></article>
            """);

        Assert.Contains("officials said on Friday.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommended Reading", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour workers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommended_heading_in_the_articles_own_flow_still_ends_it()
    {
        var text = Extract("""
            <article><h1>Accord</h1><section>
              <p>The foreign ministers of both countries signed the accord on Thursday in the presence of observers from the United Nations.</p>
              <p>It settles a border dispute that has lasted four decades and cost hundreds of lives in repeated clashes along the river.</p>
              <h2>Recommended Reading</h2>
              <p>Harbour workers end their strike after the port authority agrees to a new pay scale for night shifts and weekends.</p>
            </section></article>
            """);

        Assert.Contains("repeated clashes along the river.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour workers", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ArticleRelatedContentModule_root__x1Y2z")]
    [InlineData("inlineNewsletterSignup")]
    [InlineData("widget")]
    public void Boxes_named_in_camel_case_or_as_a_widget_area_are_furniture(string className)
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Article("en")}}
              <div class="{{className}}"><p>Harbour workers end their strike after the port authority agrees to a new pay scale for night shifts.</p></div>
            </article>
            """);

        Assert.Contains(FirstWords(Article("en")), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour workers", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<span class=\"Term_tooltip__a1B2\">")]
    [InlineData("<span role=\"tooltip\">")]
    [InlineData("<span class=\"glossary-popover\">")]
    public void A_glossary_tooltip_inside_a_paragraph_is_not_read(string tooltip)
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Article("en")}}
              <p>The <dfn>demarcation</dfn>{{tooltip}}Demarcation is the marking of a boundary on the ground with posts or stones.</span> will start in the spring, the commission said.</p>
            </article>
            """);

        Assert.Contains("The demarcation will start in the spring", text, StringComparison.Ordinal);
        Assert.DoesNotContain("posts or stones", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Book now", "Read our full review.")]
    [InlineData("en", "👉 Try the Harbour Pass", "Harbour Pass")]
    [InlineData("fr", "Réservez maintenant", "Lisez notre avis complet.")]
    [InlineData("de", "Jetzt buchen", "Unser Test im Detail.")]
    public void A_linked_call_to_action_is_a_button_a_linked_sentence_or_name_is_text(string language, string button, string linkedText)
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>
              <p><a href="/book">{{button}}</a></p>
              <p><a href="/review">{{linkedText}}</a></p>
              {{Article(language)}}
            </article>
            """);

        Assert.DoesNotContain(button, text, StringComparison.Ordinal);
        Assert.Contains(linkedText, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_camel_case_class_made_of_content_words_is_read()
    {
        var text = Extract($$"""
            <article><h1>Accord</h1><div class="ArticleBody_root__x1Y2z">{{Article("en")}}</div></article>
            """);

        Assert.Contains("officials said.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_whose_class_names_the_table_of_contents_is_the_articles_heading()
    {
        var text = Extract($$"""
            <article><h1>Accord</h1>{{Article("en")}}
              <h2 class="tocHeader">What the treaty changes</h2>
              <p>Both armies withdraw five kilometres from the river, and a joint commission will mark the new line within a year.</p>
            </article>
            """);

        Assert.Contains("What the treaty changes", text, StringComparison.Ordinal);
    }

    private static string FirstWords(string html) => html.Trim()[3..40];
}
