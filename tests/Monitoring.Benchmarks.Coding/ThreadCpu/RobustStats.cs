namespace Monitoring.Benchmarks.Coding.ThreadCpu;

/// <summary>Order statistics for a few dozen rounds: a slow round (another process's burst) must not move the figure.</summary>
internal static class RobustStats
{
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>Linear interpolation between order statistics (type 7, as numpy's default).</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var at = q * (sorted.Length - 1);
        var low = (int)Math.Floor(at);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>The mean of the values left after dropping <paramref name="fraction"/> of them at each end.</summary>
    public static double TrimmedMean(IEnumerable<double> values, double fraction = 0.1)
    {
        var sorted = values.Order().ToArray();
        var drop = (int)Math.Floor(sorted.Length * fraction);
        return sorted.Length == 0 ? double.NaN : sorted[drop..^drop].Average();
    }

    /// <summary>
    /// Percentile bootstrap interval of the median: the rounds are resampled with replacement, so the interval says how
    /// far the median could move if the run were repeated under the same kind of load. Seeded, so a run reproduces it.
    /// </summary>
    public static (double Low, double High) BootstrapMedian(IReadOnlyList<double> values, double level = 0.95, int resamples = 4000, int seed = 9)
    {
        var random = new Random(seed);
        var medians = new double[resamples];
        var sample = new double[values.Count];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++) sample[i] = values[random.Next(values.Count)];
            medians[b] = Median(sample);
        }

        return (Quantile(medians, (1 - level) / 2), Quantile(medians, (1 + level) / 2));
    }
}
