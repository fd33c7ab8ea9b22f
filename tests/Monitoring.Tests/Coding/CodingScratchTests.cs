using Monitoring.Tests.Support;

namespace Monitoring.Tests.Coding;

public sealed class CodingScratchTests
{
    [Fact]
    public void Scratch()
    {
        var text = new Monitoring.Ingest.Extraction.ArticleExtractor().Extract(new() { Text = SampleArticle.Text }).Text;
        var lines = new List<string>();
        foreach (var path in new[] { "/tmp/scratch.txt" }.Where(File.Exists)) text = File.ReadAllText(path);
        Monitoring.Classify.Coding.EventCoder.Trace = lines.Add;
        foreach (var m in Monitoring.Classify.Coding.PhraseActorFinder.FromGazetteer(Classifiers.DataFile("countries.json")).Find(text)) lines.Add($"mention {m.Start}-{m.End} {m.Text} {m.Code} {m.Sector}");
        foreach (var e in Coders.Default.Code(text))
        {
            lines.Add($"{e.Source.Code}{e.Source.Sector} -> {e.Target.Code}{e.Target.Sector} {e.Cameo} [{e.Trigger}] :: {e.Sentence}");
        }

        File.WriteAllLines("/tmp/scratch.out", lines);
    }
}
