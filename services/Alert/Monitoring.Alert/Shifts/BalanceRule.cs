using System.Globalization;

namespace Monitoring.Alert.Shifts;

/// <summary>
/// Compares a relation's recent window with its baseline, in measures a person reads at a glance: each quad class's
/// share of the events (a rise of <see cref="ShiftOptions.ShareRise"/> with <see cref="ShiftOptions.MinClassEvents"/>
/// events of the class) and the mean Goldstein value (a move of <see cref="ShiftOptions.GoldsteinChange"/>). Falls are
/// not measured apart: when one class's share rises, others fall.
/// </summary>
public static class BalanceRule
{
    /// <summary>The measures beyond their threshold (times <paramref name="fraction"/>: 1 to open a shift, the return fraction to keep one open); empty when the windows are too thin to compare.</summary>
    public static IReadOnlyList<ShiftMeasure> Moved(RelationBalance recent, RelationBalance baseline, ShiftOptions options, double fraction = 1)
    {
        if (recent.Total < options.MinRecentEvents || baseline.Total < options.MinBaselineEvents) return [];
        var moved = new List<ShiftMeasure>();
        for (var quad = 1; quad <= 4; quad++)
        {
            var (before, after) = (baseline.Share(quad), recent.Share(quad));
            if (after - before >= options.ShareRise * fraction && recent.Count(quad) >= options.MinClassEvents)
            {
                moved.Add(new ShiftMeasure
                {
                    Name = $"share:{quad}", Before = Math.Round(before, 4), After = Math.Round(after, 4),
                    Text = $"{RelationBalance.QuadNames[quad - 1]} share rose from {Percent(before)} to {Percent(after)}",
                });
            }
        }

        var (meanBefore, meanAfter) = (baseline.MeanGoldstein, recent.MeanGoldstein);
        if (Math.Abs(meanAfter - meanBefore) >= options.GoldsteinChange * fraction)
        {
            moved.Add(new ShiftMeasure
            {
                Name = "goldstein", Before = Math.Round(meanBefore, 2), After = Math.Round(meanAfter, 2),
                Text = $"mean Goldstein value {(meanAfter < meanBefore ? "fell" : "rose")} from {WithSign(meanBefore)} to {WithSign(meanAfter)}",
            });
        }

        return moved;
    }

    /// <summary>"4 %": whole percentages, as an analyst quotes them.</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0} %");

    public static string WithSign(double value) => value.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);
}
