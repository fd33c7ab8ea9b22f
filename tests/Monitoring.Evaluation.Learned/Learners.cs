namespace Monitoring.Evaluation.Learned;

/// <summary>A per-group scorer trained on some articles' embeddings and labels: a probability for an unseen article.</summary>
public interface ILearner
{
    string Name { get; }

    Func<float[], double> Train(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> labels);
}

/// <summary>The share of the k most similar training articles (cosine) that carry the label; its evidence is their ids.</summary>
public sealed class NearestNeighbours(int k) : ILearner
{
    public string Name => $"{k} nearest labelled articles";

    public Func<float[], double> Train(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> labels) => vector =>
        Enumerable.Range(0, vectors.Count).Select(i => (Similarity: Vectors.Dot(vector, vectors[i]), Label: labels[i]))
            .OrderByDescending(n => n.Similarity).Take(k).Count(n => n.Label) / (double)k;
}

/// <summary>L2-regularised logistic regression, classes weighted to balance (few positives), full-batch gradient descent.</summary>
public sealed class LogisticRegression(double l2 = 0.01, int epochs = 400, double rate = 0.5) : ILearner
{
    public string Name => "logistic regression";

    public Func<float[], double> Train(IReadOnlyList<float[]> vectors, IReadOnlyList<bool> labels)
    {
        var dimensions = vectors[0].Length;
        var weights = new double[dimensions];
        var bias = 0.0;
        var positives = Math.Max(1, labels.Count(l => l));
        var positiveWeight = (labels.Count - positives) / (double)positives;
        var gradient = new double[dimensions];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < vectors.Count; i++)
            {
                var error = (labels[i] ? positiveWeight : 1.0) * (Sigmoid(Score(weights, bias, vectors[i])) - (labels[i] ? 1 : 0));
                biasGradient += error;
                for (var d = 0; d < dimensions; d++) gradient[d] += error * vectors[i][d];
            }

            for (var d = 0; d < dimensions; d++) weights[d] -= rate * (gradient[d] / vectors.Count + l2 * weights[d]);
            bias -= rate * biasGradient / vectors.Count;
        }

        return vector => Sigmoid(Score(weights, bias, vector));
    }

    private static double Score(double[] weights, double bias, float[] vector)
    {
        var sum = bias;
        for (var d = 0; d < weights.Length; d++) sum += weights[d] * vector[d];
        return sum;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
}

public static class Vectors
{
    public static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
