using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Ingest.Sources;

namespace Monitoring.Ingest.Tests.Sources;

public sealed class PolitenessAndBackoffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_to_one_host_are_spaced_while_other_hosts_go_at_once()
    {
        var clock = new FakeTimeProvider();
        var politeness = new HostPoliteness(clock, Options.Create(new FeedOptions { HostMinInterval = TimeSpan.FromSeconds(2) }));

        await politeness.WaitTurnAsync("news.example", Ct);
        var second = politeness.WaitTurnAsync("news.example", Ct);
        var third = politeness.WaitTurnAsync("NEWS.example", Ct);
        await politeness.WaitTurnAsync("other.example", Ct);

        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        await second;
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        await third;
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(12, 360)]
    public void Each_failure_doubles_the_wait_up_to_the_cap(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Backoff.After(TimeSpan.FromMinutes(5), failures, TimeSpan.FromHours(6)));

    [Fact]
    public void A_longer_retry_after_is_honoured() =>
        Assert.Equal(TimeSpan.FromHours(2), Backoff.After(TimeSpan.FromMinutes(5), 1, TimeSpan.FromHours(6), TimeSpan.FromHours(2)));
}
