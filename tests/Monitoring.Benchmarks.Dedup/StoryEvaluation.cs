using System.Globalization;
using System.Text.Json;
using Monitoring.Ingest.Dedup;

namespace Monitoring.Benchmarks.Dedup;

/// <summary>
/// Story grouping on real articles: the ground-truth texts of the extraction evaluation set are 300 different
/// articles (none may join another's story), and copies derived from each (rewritten, syndicated with credit lines,
/// shortened) must join the original's story. Prints one line per case.
/// </summary>
public static class StoryEvaluation
{
    private const double Threshold = 0.4;
    private static readonly DateTimeOffset Now = new(2024, 5, 16, 8, 0, 0, TimeSpan.Zero);

    public static int Run(string folder)
    {
        var texts = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("ground_truth").GetProperty("main_content").GetString() ?? "")
            .Where(text => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 50)
            .ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} articles of at least 50 words from {folder}; threshold {Threshold}"));

        var all = texts.Select(t => MinHash.Compute(t)!).ToList();
        var highest = 0.0;
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++) highest = Math.Max(highest, MinHash.Similarity(all[i], all[j]));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"highest similarity between two different articles: {highest:0.00}"));

        var index = new LshIndex();
        var falseMerges = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var signature = MinHash.Compute(texts[i])!;
            if (index.FindBest(signature, Now.AddDays(-3), Threshold) is { } wrong)
            {
                falseMerges++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  article {i} joined {wrong.StoryId} (similarity {wrong.Similarity:0.00})"));
            }

            index.Add($"a{i}", $"s{i}", signature, Now);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"different articles wrongly grouped: {falseMerges} of {texts.Count}"));

        var random = new Random(7);
        var cases = new (string Name, Func<string, string> Copy)[]
        {
            ("syndicated: credit line and footer added", t => "By Staff Writer\n" + t + "\nThis article first appeared on Example Wire and is republished with permission."),
            ("first 70% only (shortened)", t => string.Join(' ', Words(t).Take((int)(Words(t).Length * 0.7)))),
            ("1 word in 20 replaced", t => Replace(random, t, 20)),
            ("1 word in 10 replaced", t => Replace(random, t, 10)),
            ("1 word in 6 replaced", t => Replace(random, t, 6)),
            ("1 word in 4 replaced", t => Replace(random, t, 4)),
        };
        foreach (var (name, copy) in cases)
        {
            var found = 0;
            var similarities = new List<double>();
            for (var i = 0; i < texts.Count; i++)
            {
                var signature = MinHash.Compute(copy(texts[i]))!;
                similarities.Add(MinHash.Similarity(signature, MinHash.Compute(texts[i])!));
                if (index.FindBest(signature, Now.AddDays(-3), Threshold)?.StoryId == $"s{i}") found++;
            }

            similarities.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-42} joined the right story: {found,3} of {texts.Count} ({100.0 * found / texts.Count:0.0}%)  median similarity {similarities[similarities.Count / 2]:0.00}"));
        }

        return 0;
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Replaces one word in <paramref name="every"/> with another word of the same text, as an editor's rewording does.</summary>
    private static string Replace(Random random, string text, int every)
    {
        var words = Words(text);
        for (var i = random.Next(every); i < words.Length; i += every) words[i] = words[random.Next(words.Length)];
        return string.Join(' ', words);
    }
}
