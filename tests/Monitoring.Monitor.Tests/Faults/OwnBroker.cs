using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// A RabbitMQ node of the fault suite's own (Debian's <c>rabbitmq-server</c>, a node name, ports and data folder of its
/// own, no plugins), so restarting it or killing it with SIGKILL disturbs no other test run on the machine's broker.
/// The data folder outlives a kill: durable queues and persistent messages are there again after the restart.
/// </summary>
public sealed class OwnBroker : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitoring-faults-broker", Guid.NewGuid().ToString("N")[..8]);
    private readonly string _node = $"faults{Guid.NewGuid().ToString("N")[..6]}@localhost";
    private readonly int _distributionPort = FreePort();

    public int Port { get; } = FreePort();

    public BrokerEndpoint Endpoint => new("127.0.0.1", Port, "/", "guest", "guest");

    /// <summary>Why no own node can be started here, or null.</summary>
    public static string? Unavailable =>
        File.Exists("/usr/sbin/rabbitmq-server") || File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server")
            ? null
            : "rabbitmq-server is not installed here (tests/run.sh installs Debian's when no broker answers on 127.0.0.1)";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        // Debian's wrapper runs the node as the rabbitmq user (su), which must create its data and log folders here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        await File.WriteAllTextAsync(Path.Combine(_folder, "enabled_plugins"), "[].\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "rabbitmq-env.conf"), "", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "rabbitmq.conf"), "loopback_users = none\n", TestContext.Current.CancellationToken);
        Run("rabbitmq-server", "-detached");
        await AwaitStartupAsync();
    }

    /// <summary><c>rabbitmqctl stop_app</c>, a pause, <c>start_app</c>: every connection is closed, the node's data stays.</summary>
    public async Task RestartAsync()
    {
        Ctl("stop_app");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Ctl("start_app");
        await AwaitStartupAsync();
    }

    /// <summary>SIGKILL to the node's own process, a pause, and the node started again on the same data.</summary>
    public async Task KillAndStartAsync()
    {
        var pid = int.Parse(Ctl("eval", "list_to_integer(os:getpid()).").Trim(), CultureInfo.InvariantCulture);
        using (var node = Process.GetProcessById(pid))
        {
            node.Kill();
            await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Run("rabbitmq-server", "-detached");
        await AwaitStartupAsync();
    }

    private async Task AwaitStartupAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            try
            {
                Ctl("await_startup", "--timeout", "10");
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000, TestContext.Current.CancellationToken);
            }
        }
    }

    private string Ctl(params string[] arguments) => Run("rabbitmqctl", ["-n", _node, .. arguments]);

    private string Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["RABBITMQ_NODENAME"] = _node;
        start.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        start.Environment["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins");
        start.Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_folder, "rabbitmq-env.conf");
        start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq");
        start.Environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_folder, "advanced.config");
        start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{command} {string.Join(' ', arguments)}: {error}{output}");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Ctl("shutdown");
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the services of a <see cref="Pipeline"/> find their broker.</summary>
public sealed record BrokerEndpoint(string Host, int Port, string VirtualHost, string User, string Password)
{
    /// <summary>The broker (and throw-away vhost) tests/run.sh prepared for this run.</summary>
    public static BrokerEndpoint Shared => new(RabbitMqBroker.Host, RabbitMqBroker.Port, RabbitMqBroker.VirtualHost, RabbitMqBroker.User, RabbitMqBroker.Password);

    public Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { HostName = Host, Port = Port, VirtualHost = VirtualHost, UserName = User, Password = Password }
            .CreateConnectionAsync(TestContext.Current.CancellationToken);
}
