using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>Data cards inside an article (label and figure, one card after another) on pages built here.</summary>
public sealed class DataCardTests
{
    private static string Extract(string inserts) =>
        new ArticleExtractor().Extract(new ArticleSubmission
        {
            Html = $"<html><body><article><h1>Choosing a college</h1>{ArticleNotesTests.Paragraphs}{inserts}{ArticleNotesTests.Paragraphs.Replace("<p>", "<p>Again: ", StringComparison.Ordinal)}</article></body></html>",
        }).Text;

    private static string Card(string name, string rate, string students) =>
        $"<div class='school'><h3>{name}</h3><div>Acceptance Rate</div><div>{rate}</div><div>Students Enrolled</div><div>{students}</div><div>Institution Type</div><div>Public</div></div>";

    [Fact]
    public void Cards_of_labels_and_figures_are_dropped()
    {
        var text = Extract(Card("North College", "96%", "164,091") + Card("South College", "51%", "60,046") + Card("East College", "64%", "26,082"));

        Assert.DoesNotContain("Acceptance Rate", text, StringComparison.Ordinal);
        Assert.DoesNotContain("164,091", text, StringComparison.Ordinal);
        Assert.Contains("South College", text, StringComparison.Ordinal);
        Assert.Contains("Again: Cut back the old canes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_feature_lists_and_tables_of_figures_are_the_article()
    {
        const string features = "<h3>Pros</h3><div>Careful handling</div><div>Polite staff</div><h3>Cons</h3><div>Late arrival</div><div>Extra charges</div>";
        var text = Extract(features + features + features + """
            <table><tr><th>College</th><th>Acceptance Rate</th></tr><tr><td>North</td><td>96%</td></tr><tr><td>South</td><td>51%</td></tr>
            <tr><td>East</td><td>64%</td></tr><tr><td>West</td><td>12%</td></tr><tr><td>Central</td><td>33%</td></tr></table>
            """);

        Assert.Contains("Careful handling", text, StringComparison.Ordinal);
        Assert.Contains("South | 51%", text, StringComparison.Ordinal);
    }
}
