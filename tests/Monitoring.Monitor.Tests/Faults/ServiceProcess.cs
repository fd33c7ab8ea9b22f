using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Monitoring.Monitor.Tests.Faults;

/// <summary>
/// One service as its own operating-system process (<c>dotnet Monitoring.X.Service.dll</c>, as deployed), on a fixed
/// loopback port that survives restarts, with its output kept in a log file. Killed with SIGKILL, stopped with SIGTERM.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _service;
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public ServiceProcess(string service, Dictionary<string, string> environment)
    {
        _service = service;
        _environment = environment;
        Port = FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}");
    }

    public string Name => _service.ToLowerInvariant();
    public int Port { get; }
    public Uri Address { get; }
    public bool IsRunning => _process is { HasExited: false };
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    /// <summary>What the service has written to stdout and stderr since the fixture started (every run of it).</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts the process (with <paramref name="failPoints"/> armed, if any) and waits until it is ready.</summary>
    public async Task StartAsync(string? failPoints = null, TimeSpan? timeout = null)
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is running already.");
        var dll = ServiceDll(_service);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["DOTNET_gcServer"] = "0";
        if (failPoints is not null) start.Environment[Monitoring.ServiceDefaults.Faults.FailPoints.Variable] = failPoints;

        Append($"---- start {Name}{(failPoints is null ? "" : $" (fail points {failPoints})")} at {DateTime.UtcNow:HH:mm:ss.fff}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Append(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Append(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(120));
    }

    /// <summary>SIGKILL: no shutdown, no flush, no ack — what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        Append($"---- kill -9 {Name} at {DateTime.UtcNow:HH:mm:ss.fff}");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; the time the process took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } process) return TimeSpan.Zero;
        Append($"---- kill -TERM {Name} at {DateTime.UtcNow:HH:mm:ss.fff}");
        var watch = Stopwatch.StartNew();
        if (SendSignal(process.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM {process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
        return watch.Elapsed;
    }

    /// <summary>Waits until the process has died on its own (a fail point); false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is null) return true;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{Name} not ready within {timeout.TotalSeconds:0} s:\n{Tail()}");
    }

    /// <summary>The last lines of the log, for a failure message: stack frames left out, so the lines say what happened.</summary>
    public string Tail(int lines = 40)
    {
        var all = Log.Split('\n').Where(line => !line.StartsWith("         at ", StringComparison.Ordinal) && !line.Contains("--- End of stack trace", StringComparison.Ordinal)).ToList();
        return string.Join('\n', all.Skip(Math.Max(0, all.Count - lines)));
    }

    private void Append(string line)
    {
        lock (_log) _log.Append(line).Append('\n');
    }

    /// <summary>The service's build output next to the tests' own (same configuration): the test project builds it.</summary>
    public static string ServiceDll(string service)
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
        var dll = RepositoryPaths.Combine("services", service, $"Monitoring.{service}.Service", "bin", configuration, "net10.0", $"Monitoring.{service}.Service.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built; build the solution (tests/run.sh does).", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        _process?.Dispose();
    }
}
