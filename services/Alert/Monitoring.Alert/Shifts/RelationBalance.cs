namespace Monitoring.Alert.Shifts;

/// <summary>A relation over a span of days: its events by GDELT quad class (1 verbal cooperation … 4 material conflict) and their Goldstein sum.</summary>
public sealed record RelationBalance(int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, double GoldsteinSum)
{
    public static readonly RelationBalance Empty = new(0, 0, 0, 0, 0);

    public static readonly IReadOnlyList<string> QuadNames = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

    public int Total => VerbalCooperation + MaterialCooperation + VerbalConflict + MaterialConflict;

    public int Count(int quadClass) => quadClass switch
    {
        1 => VerbalCooperation, 2 => MaterialCooperation, 3 => VerbalConflict, 4 => MaterialConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(quadClass), quadClass, "quad classes are 1 to 4"),
    };

    public double Share(int quadClass) => Total == 0 ? 0 : (double)Count(quadClass) / Total;

    public double MeanGoldstein => Total == 0 ? 0 : GoldsteinSum / Total;

    public static RelationBalance Of(IEnumerable<(int QuadClass, int Count, double GoldsteinSum)> rows)
    {
        var counts = new int[5];
        var sum = 0.0;
        foreach (var (quad, count, goldstein) in rows)
        {
            if (quad is < 1 or > 4) continue;
            counts[quad] += count;
            sum += goldstein;
        }

        return new RelationBalance(counts[1], counts[2], counts[3], counts[4], sum);
    }
}
