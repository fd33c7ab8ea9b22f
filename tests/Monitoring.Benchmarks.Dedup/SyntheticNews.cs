using System.Text;

namespace Monitoring.Benchmarks.Dedup;

/// <summary>
/// Article-like texts drawn from a Zipf-distributed vocabulary, so common words and stock phrases recur across
/// texts as they do in news, and band collisions between unrelated texts happen at a realistic rate.
/// </summary>
public sealed class SyntheticNews
{
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public SyntheticNews(int vocabularySize = 30_000)
    {
        _vocabulary = Enumerable.Range(0, vocabularySize).Select(Word).ToArray();
        _cumulative = new double[vocabularySize];
        var total = 0.0;
        for (var rank = 0; rank < vocabularySize; rank++)
        {
            total += 1.0 / (rank + 1);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < vocabularySize; rank++) _cumulative[rank] /= total;
    }

    public string Article(Random random, int words)
    {
        var text = new StringBuilder(words * 7);
        for (var i = 0; i < words; i++)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            text.Append(_vocabulary[index < 0 ? Math.Min(~index, _vocabulary.Length - 1) : index]).Append(i % 18 == 17 ? ". " : " ");
        }

        return text.ToString();
    }

    /// <summary>A copy with one word in <paramref name="every"/> replaced, as a light rewrite does.</summary>
    public string Rewrite(Random random, string article, int every)
    {
        var words = article.Split(' ');
        for (var i = random.Next(every); i < words.Length; i += every) words[i] = _vocabulary[random.Next(_vocabulary.Length)];
        return string.Join(' ', words);
    }

    private static string Word(int rank)
    {
        var word = new StringBuilder();
        var value = rank + 26;
        while (value > 0)
        {
            word.Append((char)('a' + (value % 26)));
            value /= 26;
        }

        return word.ToString();
    }
}
