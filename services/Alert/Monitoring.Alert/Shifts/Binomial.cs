namespace Monitoring.Alert.Shifts;

/// <summary>The tail probabilities the balance rule asks: exact binomial tails (weeks hold tens of events, not millions) and the normal tail.</summary>
public static class Binomial
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double UpperTail(int k, int n, double p)
    {
        var total = 0.0;
        for (var i = Math.Max(k, 0); i <= n; i++) total += Probability(i, n, p);
        return Math.Min(1, total);
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p).</summary>
    public static double LowerTail(int k, int n, double p)
    {
        var total = 0.0;
        for (var i = 0; i <= Math.Min(k, n); i++) total += Probability(i, n, p);
        return Math.Min(1, total);
    }

    /// <summary>P(Z ≥ z) for a standard normal Z (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalTail(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.Exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }

    private static double Probability(int k, int n, double p) =>
        Math.Exp(LogChoose(n, k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p));

    private static double LogChoose(int n, int k)
    {
        var total = 0.0;
        for (var i = 1; i <= k; i++) total += Math.Log(n - k + i) - Math.Log(i);
        return total;
    }
}
