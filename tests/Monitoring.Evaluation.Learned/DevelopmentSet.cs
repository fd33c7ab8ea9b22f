using System.Text.Json;

namespace Monitoring.Evaluation.Learned;

/// <summary>One labelled article of the topic development set (read from ../shared at run time, never copied).</summary>
public sealed record DevArticle(string Id, string Title, string Text, IReadOnlyList<string> Labels, bool Relevant);

public static class DevelopmentSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<DevArticle> Read(string folder)
    {
        var labels = Lines(Path.Combine(folder, "labels.jsonl")).Select(l => JsonSerializer.Deserialize<Label>(l, Json)!).ToDictionary(l => l.Id);
        return Lines(Path.Combine(folder, "texts.jsonl")).Select(l => JsonSerializer.Deserialize<Entry>(l, Json)!)
            .Select(t => new DevArticle(t.Id, (t.Title ?? "").Trim(), t.Text ?? "", labels[t.Id].Labels, labels[t.Id].Relevant)).ToList();
    }

    private static IEnumerable<string> Lines(string path) => File.ReadLines(path).Where(l => l.Trim().Length > 0);

    private sealed record Label(string Id, List<string> Labels, bool Relevant);

    private sealed record Entry(string Id, string? Title, string? Text);
}
