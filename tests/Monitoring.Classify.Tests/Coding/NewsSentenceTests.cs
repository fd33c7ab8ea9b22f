
namespace Monitoring.Classify.Tests.Coding;

/// <summary>
/// Realistic news sentences with hand-coded (source country, target country, CAMEO root), including sentences that
/// must give no event (<c>Data/news-sentences.tsv</c>): the kind of sentence the coder is scored on. A sentence counts
/// when the coder's set of events equals the expected one, so a wrong extra event costs as much as a missed one.
/// </summary>
public sealed class NewsSentenceTests(ITestOutputHelper output)
{
    /// <summary>Raise this when the coder gets better; see docs/event-coding.md.</summary>
    private const int CorrectFloor = 59;

    [Fact]
    public void At_least_the_floor_of_the_news_sentences_code_exactly_as_hand_coded()
    {
        var cases = File.ReadLines(RepositoryPaths.Combine("tests", "Monitoring.Classify.Tests", "Coding", "Data", "news-sentences.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t', 2))
            .ToList();
        var correct = 0;
        foreach (var (expectedText, sentence) in cases.Select(c => (c[0], c[1])))
        {
            var expected = expectedText == "none" ? [] : expectedText.Split('|').ToHashSet();
            // The sentences are coded for country dyads: events with a side no country names ("---") are not compared.
            var actual = Coders.Default.Code(sentence).Where(e => e.Source.Code != "---" && e.Target.Code != "---").Select(e => $"{e.Source.Code}>{e.Target.Code}:{e.Root}").ToHashSet();
            if (expected.SetEquals(actual)) correct++;
            else output.WriteLine($"expected [{string.Join(" ", expected)}] got [{string.Join(" ", actual)}] :: {sentence}");
        }

        output.WriteLine($"{correct} of {cases.Count} news sentences code as hand-coded");
        Assert.True(correct >= CorrectFloor, $"{correct} of {cases.Count} news sentences code as hand-coded; the floor is {CorrectFloor}.");
    }
}
