using System.Text.Json;

namespace Monitoring.Benchmarks.Coding.ThreadCpu;

/// <summary>
/// <c>--events FILE</c>: every corpus article's events as one JSON line, as the consumer codes them (classify, then
/// <c>Code(classification)</c>), so that <c>cmp</c> of two builds' files shows that a speed-up changed no event.
/// </summary>
internal static class EventsDump
{
    public static void Write(CodingSetup setup, IEnumerable<Corpus> corpora, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var corpus in corpora)
        {
            for (var i = 0; i < corpus.Articles.Length; i++)
            {
                var events = setup.Coder.Code(setup.Classifier.Classify(null, corpus.Articles[i]));
                writer.WriteLine(JsonSerializer.Serialize(new { corpus = corpus.Name, article = i, events }));
            }
        }
    }
}
