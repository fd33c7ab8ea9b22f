using Monitoring.Alert.Shifts;

namespace Monitoring.Alert.Tests.Shifts;

/// <summary>Relation shifts on a fake clock over generated event histories: when they fire, that they fire once, and when they may fire again.</summary>
public sealed class ShiftDetectorTests
{
    [Fact]
    public async Task Conflict_against_a_cooperative_baseline_fires_one_shift_with_the_events_that_moved_it_not_one_per_event()
    {
        var history = await RelationHistory.CreateAsync();
        await history.CooperativeBaselineAsync();
        for (var day = 6; day >= 2; day--) Assert.Empty(await history.DetectAsync(history.Article(day, "036")));

        var fired = new List<(int Clash, RelationShift Shift)>();
        for (var clash = 1; clash <= 8; clash++)
        {
            foreach (var shift in await history.DetectAsync(history.Article(0, "190", source: "RUS", target: "CHN"))) fired.Add((clash, shift));
        }

        // Two clashes in a week against four in ninety days: the mean Goldstein value has fallen beyond chance; the six that follow add nothing.
        var (at, balance) = Assert.Single(fired);
        Assert.Equal(2, at);
        Assert.Equal(RelationShift.Balance, balance.Kind);
        Assert.Equal("CHN-RUS", balance.Pair);
        Assert.Equal("CHN–RUS: mean Goldstein value fell from +4.6 to 0.0 (last 7 days, 7 events, against the 90 days before, 100 events)", balance.Summary);
        Assert.Equal((5 + 2, 100), (balance.RecentEvents, balance.BaselineEvents));
        Assert.Equal(2, balance.Events.Count);
        Assert.All(balance.Events, e => Assert.Equal(("190", "RUS", "CHN"), (e.Cameo, e.Source, e.Target)));
    }

    [Fact]
    public async Task An_open_shift_stays_silent_until_the_balance_returns_then_a_new_escalation_fires_again()
    {
        var history = await RelationHistory.CreateAsync();
        await history.CooperativeBaselineAsync();
        for (var day = 6; day >= 2; day--) await history.DetectAsync(history.Article(day, "036"));
        var first = new List<RelationShift>();
        for (var clash = 0; clash < 4; clash++) first.AddRange(await history.DetectAsync(history.Article(0, "190")));
        Assert.Single(first);

        // Two weeks of talks: the last seven days hold no conflict, so the next event finds the balance returned and closes the shift.
        history.Clock.Advance(TimeSpan.FromDays(14));
        for (var day = 6; day >= 0; day--) Assert.Empty(await history.DetectAsync(history.Article(day, "042")));
        Assert.Null(await history.Store.OpenShiftAsync("CHN-RUS", RelationShift.Balance, TestContext.Current.CancellationToken));

        var second = new List<RelationShift>();
        for (var clash = 0; clash < 6; clash++) second.AddRange(await history.DetectAsync(history.Article(0, "190")));
        var again = Assert.Single(second);
        Assert.NotEqual(first[0].ShiftId, again.ShiftId);
        Assert.StartsWith("CHN–RUS: ", again.Summary);
    }

    [Fact]
    public async Task A_steady_relation_fires_nothing_and_neither_does_a_thin_one()
    {
        var history = await RelationHistory.CreateAsync();
        await history.CooperativeBaselineAsync();
        for (var day = 6; day >= 0; day--)
        {
            Assert.Empty(await history.DetectAsync(history.Article(day, day == 3 ? "190" : "061")));
        }

        // Three events ever between Iran and Iraq: too few to compare, however warlike (and no first-event claim before the history exists).
        var thin = await RelationHistory.CreateAsync();
        for (var i = 0; i < 3; i++) Assert.Empty(await thin.DetectAsync(thin.Article(0, "190", "IRN", "IRQ")));
    }

    [Fact]
    public async Task The_first_coercion_between_a_pair_in_ninety_days_fires_once_and_a_second_one_does_not()
    {
        var history = await RelationHistory.CreateAsync();
        await history.CooperativeBaselineAsync();

        var first = await history.DetectAsync(history.Article(0, "173", source: "RUS", target: "CHN"));
        var shift = Assert.Single(first);
        Assert.Equal(RelationShift.FirstRoot, shift.Kind);
        Assert.Contains("first CAMEO 17 (coerce) event between them in 90 days: RUS→CHN 173", shift.Summary);
        Assert.Equal("173", Assert.Single(shift.Events).Cameo);

        history.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await history.DetectAsync(history.Article(0, "1711")));
    }

    [Fact]
    public async Task A_redelivered_article_finds_the_shift_it_fired_and_a_syndicated_copy_counts_once()
    {
        var history = await RelationHistory.CreateAsync();
        await history.CooperativeBaselineAsync();
        var coercion = history.Article(0, "173");

        var fired = await history.DetectAsync(coercion);
        var redelivered = await history.DetectAsync(coercion);
        var copy = await history.DetectAsync(coercion with { ArticleId = "copy-of-" + coercion.ArticleId });

        Assert.Equal(fired.Select(s => s.ShiftId), redelivered.Select(s => s.ShiftId));
        Assert.Single(fired);
        Assert.Empty(copy);
        var today = DateOnly.FromDateTime(RelationHistory.Start.UtcDateTime);
        var balance = await history.Store.BalanceAsync("CHN-RUS", today, today, TestContext.Current.CancellationToken);
        Assert.Equal(1, balance.MaterialConflict);
    }
}
