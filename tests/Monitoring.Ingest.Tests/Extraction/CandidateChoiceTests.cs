using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

/// <summary>The choice between candidates: a container that completes Readability's pick with more paragraphs wins it.</summary>
public sealed class CandidateChoiceTests
{
    [Fact]
    public void An_article_split_over_section_wrappers_is_read_whole()
    {
        var page = """
            <html><body><div class="layout">
              <h1>The valley's new railway</h1>
              <div class="wrap"><div class="section">
                <p>The line, which climbs from the river to the pass in a series of tunnels, bridges and long curves, opened on Sunday morning.</p>
                <p>Engineers, surveyors and some four hundred workers spent six years on it, boring, blasting and lining the rock, often in deep snow.</p>
                <p>Passengers, most of them from the villages along the valley, filled the first train, waved from the windows and cheered at every station.</p>
                <p>Trains will run every hour in summer, every two hours in winter, and the timetable, the operator says, will be reviewed in spring.</p>
              </div></div>
              <div class="wrap"><div class="section">
                <p>A second stage towards the border will be built once the regional budget for the coming decade has been approved.</p>
                <p>Freight is expected to follow the passengers within two years, taking timber and stone down the valley to the port.</p>
              </div></div>
            </div>
            <div class="sidebar"><a href="/a">Weather</a> <a href="/b">Contact</a></div>
            </body></html>
            """;

        var article = new ArticleExtractor().Extract(new ArticleSubmission { Html = page });

        Assert.Contains("opened on Sunday morning", article.Text, StringComparison.Ordinal);
        Assert.Contains("regional budget for the coming decade", article.Text, StringComparison.Ordinal);
        Assert.Contains("timber and stone", article.Text, StringComparison.Ordinal);
        Assert.Equal("paragraphs", article.Method);
    }
}
