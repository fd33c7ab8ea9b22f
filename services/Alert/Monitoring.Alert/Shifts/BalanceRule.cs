using System.Globalization;

namespace Monitoring.Alert.Shifts;

/// <summary>
/// Compares a relation's recent window with its baseline in measures a person reads at a glance: the share of conflict
/// (verbal and material) rising or falling, the share of material conflict rising, each by
/// <see cref="ShiftOptions.ShareRise"/>; and the mean Goldstein value moving by <see cref="ShiftOptions.GoldsteinChange"/>.
/// A move must also be unlikely by chance at <see cref="ShiftOptions.Significance"/> (a binomial tail for shares against
/// the baseline's smoothed share, a z-test for the mean), so five events of a week cannot shift a relation by luck.
/// </summary>
public static class BalanceRule
{
    /// <summary>
    /// The measures that moved beyond their threshold; with <paramref name="fraction"/> below 1 (keeping a shift open),
    /// beyond that fraction of it, chance not asked again. Empty when the windows are too thin to compare.
    /// </summary>
    public static IReadOnlyList<ShiftMeasure> Moved(RelationBalance recent, RelationBalance baseline, ShiftOptions options, double fraction = 1)
    {
        if (recent.Total < options.MinRecentEvents || baseline.Total < options.MinBaselineEvents) return [];
        var opening = fraction >= 1;
        var moved = new List<ShiftMeasure>();

        void Share(string name, string words, int recentCount, int baselineCount, bool fallsToo)
        {
            var (before, after) = ((double)baselineCount / baseline.Total, (double)recentCount / recent.Total);
            var change = after - before;
            var rose = change >= options.ShareRise * fraction && recentCount >= options.MinClassEvents;
            var fell = fallsToo && -change >= options.ShareRise * fraction;
            if (!rose && !fell) return;

            // The baseline's share, smoothed (a class never seen is not impossible), and the chance of a week at least this far from it.
            var expected = (baselineCount + 1.0) / (baseline.Total + 2.0);
            var chance = rose ? Binomial.UpperTail(recentCount, recent.Total, expected) : Binomial.LowerTail(recentCount, recent.Total, expected);
            if (opening && chance > options.Significance) return;
            moved.Add(new ShiftMeasure
            {
                Name = name, Before = Math.Round(before, 4), After = Math.Round(after, 4),
                Text = $"{words} share {(rose ? "rose" : "fell")} from {Percent(before)} to {Percent(after)}",
            });
        }

        Share("share:material-conflict", "material conflict", recent.MaterialConflict, baseline.MaterialConflict, fallsToo: false);

        // All conflict is material conflict when neither window holds verbal conflict: said once, not twice.
        if (moved.Count == 0 || recent.VerbalConflict + baseline.VerbalConflict > 0) Share("share:conflict", "conflict", recent.Conflict, baseline.Conflict, fallsToo: true);

        var (meanBefore, meanAfter) = (baseline.MeanGoldstein, recent.MeanGoldstein);
        var spread = Math.Max(baseline.GoldsteinDeviation, 1.0) / Math.Sqrt(recent.Total);
        if (Math.Abs(meanAfter - meanBefore) >= options.GoldsteinChange * fraction
            && (!opening || 2 * Binomial.NormalTail(Math.Abs(meanAfter - meanBefore) / spread) <= options.Significance))
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
