namespace Monitoring.Monitor.Demo;

/// <summary>The one place the one-process host writes its story to: what was ingested, tagged, alerted and delivered.</summary>
public sealed class DemoConsole(TextWriter output, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _lastWrite = clock.GetUtcNow();

    public int EventsPrinted { get; private set; }
    public int AlertsPrinted { get; private set; }
    public int WebhooksReceived { get; private set; }

    /// <summary>Alerts printed whose subscription sends them to the demo webhook at once: each should reach it.</summary>
    public int WebhooksExpected { get; private set; }

    public void ExpectWebhook()
    {
        lock (_gate) WebhooksExpected++;
    }

    public void Write(string kind, string line)
    {
        lock (_gate)
        {
            output.WriteLine($"{kind,-8} {line}");
            output.Flush();
            _lastWrite = clock.GetUtcNow();
            switch (kind)
            {
                case "event": EventsPrinted++; break;
                case "alert": AlertsPrinted++; break;
                case "webhook": WebhooksReceived++; break;
            }
        }
    }

    public void Line(string line = "")
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>
    /// Waits until <paramref name="events"/> articles have been tagged, every alert bound for the demo webhook has reached
    /// it (a host stopped with a delivery in flight would retry against its own closed port), and nothing has been
    /// printed for a moment.
    /// </summary>
    public async Task WaitForQuietAsync(int events, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var quiet = TimeSpan.FromSeconds(1.5);
        var deadline = clock.GetUtcNow() + timeout;
        while (clock.GetUtcNow() < deadline)
        {
            lock (_gate)
            {
                if (EventsPrinted >= events && WebhooksReceived >= WebhooksExpected && clock.GetUtcNow() - _lastWrite >= quiet) return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }

    public static string ShortId(string id) => id.Length > 8 ? id[..8] : id;

    public static string Quote(string? title) => title is null ? "(untitled)" : $"\"{(title.Length > 70 ? title[..70] + "…" : title)}\"";
}
