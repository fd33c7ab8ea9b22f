using System.Diagnostics;

namespace Monitoring.Testing;

/// <summary><c>rabbitmqctl</c> against the test vhost: what the broker itself says about queues.</summary>
public static class RabbitMqCtl
{
    public sealed record QueueInfo(string Name, string Type, bool Durable, bool AutoDelete, bool Exclusive, int Consumers, int Messages);

    /// <summary>Why rabbitmqctl cannot be used here (not installed, or the broker is not local), or null.</summary>
    public static string? Unavailable =>
        File.Exists("/usr/sbin/rabbitmqctl") || File.Exists("/usr/bin/rabbitmqctl")
            ? RabbitMqBroker.Host is "127.0.0.1" or "localhost" ? null : $"the broker at {RabbitMqBroker.Host} is not on this machine, so rabbitmqctl cannot reach it"
            : "rabbitmqctl is not installed (tests/run.sh installs Debian's rabbitmq-server when no broker answers)";

    public static async Task<IReadOnlyList<QueueInfo>> QueuesAsync(string namePrefix)
    {
        var output = await RunAsync(TestContext.Current.CancellationToken, "list_queues", "-q", "--no-table-headers", "-p", RabbitMqBroker.VirtualHost, "name", "type", "durable", "auto_delete", "exclusive", "consumers", "messages");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 7 && fields[0].StartsWith(namePrefix, StringComparison.Ordinal))
            .Select(f => new QueueInfo(f[0], f[1], f[2] == "true", f[3] == "true", f[4] == "true", Number(f[5]), Number(f[6])))
            .ToList();
    }

    /// <summary>A vhost of its own on the local broker, open to the run's user: queues no other test host consumes from.</summary>
    public static async Task AddVhostAsync(string vhost, CancellationToken cancellationToken)
    {
        await RunAsync(cancellationToken, "add_vhost", vhost);
        await RunAsync(cancellationToken, "set_permissions", "-p", vhost, RabbitMqBroker.User, ".*", ".*", ".*");
    }

    public static Task DeleteVhostAsync(string vhost, CancellationToken cancellationToken) => RunAsync(cancellationToken, "delete_vhost", vhost);

    private static int Number(string field) => int.TryParse(field, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)}: {error}");
    }
}
