using Monitoring.Monitor.Demo;

namespace Monitoring.Monitor.Tests.Demo;

/// <summary>`monitor run --once` stops the host when the console is quiet: not while an alert is still on its way to the demo webhook.</summary>
public sealed class DemoConsoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quiet_waits_for_the_webhooks_the_printed_alerts_are_bound_for()
    {
        var console = new DemoConsole(TextWriter.Null, TimeProvider.System);
        console.Write("event", "article tagged");
        console.ExpectWebhook();
        console.Write("alert", "raised");

        var quiet = console.WaitForQuietAsync(events: 1, TimeSpan.FromSeconds(60), Ct);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // longer than the quiet moment: only the missing webhook holds it
        Assert.False(quiet.IsCompleted, "quiet before the webhook arrived");

        console.Write("webhook", "received");
        await quiet.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Quiet_comes_once_the_articles_are_tagged_when_no_webhook_is_due()
    {
        var console = new DemoConsole(TextWriter.Null, TimeProvider.System);
        console.Write("event", "article tagged");
        console.Write("alert", "raised for a subscription without a webhook");

        await console.WaitForQuietAsync(events: 1, TimeSpan.FromSeconds(60), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(0, console.WebhooksExpected);
    }
}
