namespace Monitoring.Alert.Shifts;

/// <summary>
/// A relation over a span of days: its events by GDELT quad class (1 verbal cooperation … 4 material conflict) and the
/// sum and sum of squares of their Goldstein values (for the mean and its spread).
/// </summary>
public sealed record RelationBalance(int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double GoldsteinSum, double GoldsteinSquares)
{
    public static readonly RelationBalance Empty = new(0, 0, 0, 0, 0, 0);

    public int Total => VerbalCooperation + MaterialCooperation + VerbalConflict + MaterialConflict;

    public int Conflict => VerbalConflict + MaterialConflict;

    public double MeanGoldstein => Total == 0 ? 0 : GoldsteinSum / Total;

    /// <summary>The sample standard deviation of the Goldstein values; 0 with fewer than two events.</summary>
    public double GoldsteinDeviation => Total < 2 ? 0 : Math.Sqrt(Math.Max(0, (GoldsteinSquares - GoldsteinSum * GoldsteinSum / Total) / (Total - 1)));

    public static RelationBalance Of(IEnumerable<(int QuadClass, int Count, double GoldsteinSum, double GoldsteinSquares)> rows)
    {
        var counts = new int[5];
        double sum = 0, squares = 0;
        foreach (var (quad, count, goldstein, goldsteinSquares) in rows)
        {
            if (quad is < 1 or > 4) continue;
            counts[quad] += count;
            sum += goldstein;
            squares += goldsteinSquares;
        }

        return new RelationBalance(counts[1], counts[2], counts[3], counts[4], sum, squares);
    }
}
