using System.Diagnostics;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.Faults;

/// <summary>
/// Faults of the broker itself: <c>rabbitmqctl stop_app</c>/<c>start_app</c>, and SIGKILL of the broker's process then a
/// fresh start. They disturb every connection to the broker, so they run only when <c>MONITORING_FAULTS_WHOLE_BROKER=1</c>
/// (tests/run.sh sets it when it started the broker itself, as in CI) and no other test run's vhost is on the broker.
/// </summary>
public static class WholeBroker
{
    public const string Variable = "MONITORING_FAULTS_WHOLE_BROKER";

    /// <summary>Why the broker may not be restarted here, or null.</summary>
    public static string? Unavailable()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return $"{Variable} is not 1: the broker may be shared with other test runs (tests/run.sh sets it only when it started the broker itself)";
        }

        if (RabbitMqCtl.Unavailable is { } reason) return reason;
        var others = Run("list_vhosts", "-q").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(v => v != "/" && v != RabbitMqBroker.VirtualHost).ToList();
        return others.Count > 0 ? $"other vhosts are on the broker ({string.Join(", ", others)}): another test run shares it" : null;
    }

    public static async Task RestartAsync()
    {
        Run("stop_app");
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Run("start_app");
        Run("await_startup", "--timeout", "120");
    }

    /// <summary>SIGKILL to the broker's own process (its pid from the broker), a pause, a new broker, as tests/rabbitmq.sh starts one.</summary>
    public static async Task KillAndStartAsync()
    {
        var pid = int.Parse(Run("eval", "list_to_integer(os:getpid()).").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        using (var server = Process.Start(new ProcessStartInfo("rabbitmq-server", "-detached") { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (TryRun("await_startup", "--timeout", "5")) return;
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }

        Run("await_startup", "--timeout", "30");
    }

    private static bool TryRun(params string[] arguments)
    {
        try
        {
            Run(arguments);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)}: {error}");
    }
}
