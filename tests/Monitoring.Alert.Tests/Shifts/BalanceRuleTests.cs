using Monitoring.Alert.Shifts;

namespace Monitoring.Alert.Tests.Shifts;

/// <summary>The measures of a balance shift, in the words an analyst reads, and the chance a small week must beat.</summary>
public sealed class BalanceRuleTests
{
    private static readonly ShiftOptions Defaults = new();

    private static RelationBalance Balance(int verbalCooperation, int materialCooperation, int verbalConflict, int materialConflict, double meanGoldstein, double deviation = 3)
    {
        var total = verbalCooperation + materialCooperation + verbalConflict + materialConflict;
        var sum = meanGoldstein * total;
        return new RelationBalance(verbalCooperation, materialCooperation, verbalConflict, materialConflict, sum, deviation * deviation * (total - 1) + sum * sum / total);
    }

    [Fact]
    public void A_rise_in_material_conflict_is_said_in_percentages()
    {
        var moved = BalanceRule.Moved(Balance(5, 4, 0, 4, 1.0), Balance(60, 30, 6, 4, 1.0), Defaults);

        var measure = Assert.Single(moved);
        Assert.Equal("material conflict share rose from 4 % to 31 %", measure.Text);
        Assert.Equal((0.04, 0.3077), (measure.Before, measure.After));
    }

    [Fact]
    public void Conflict_turning_to_cooperation_is_a_shift_too()
    {
        var moved = BalanceRule.Moved(Balance(10, 8, 1, 1, -1.0), Balance(20, 10, 40, 30, -1.0), Defaults);

        Assert.Equal(["conflict share fell from 70 % to 10 %"], moved.Select(m => m.Text));
    }

    [Fact]
    public void A_small_week_that_luck_explains_moves_nothing_nor_does_a_thin_window()
    {
        // Two conflicts of five against a baseline of 30 %: 40 % looks like a rise of ten points, and chance explains it.
        Assert.Empty(BalanceRule.Moved(Balance(2, 1, 1, 1, 2.0), Balance(50, 20, 15, 15, 2.0), Defaults));

        // Three of five against 4 %: a 56-point rise, but three events in the recent window and at least ten in the baseline are asked for.
        Assert.Empty(BalanceRule.Moved(Balance(1, 1, 0, 3, -5), Balance(5, 3, 0, 1, 3.0), Defaults));
        Assert.Empty(BalanceRule.Moved(Balance(1, 1, 0, 1, -5), Balance(50, 30, 10, 4, 3.0), Defaults));
    }

    [Fact]
    public void A_shift_stays_open_while_its_measure_is_beyond_the_return_fraction()
    {
        var baseline = Balance(60, 30, 6, 4, 1.0);

        Assert.NotEmpty(BalanceRule.Moved(Balance(8, 5, 0, 3, 1.0), baseline, Defaults, Defaults.ReturnFraction));
        Assert.Empty(BalanceRule.Moved(Balance(12, 6, 0, 2, 1.0), baseline, Defaults, Defaults.ReturnFraction));
    }
}
