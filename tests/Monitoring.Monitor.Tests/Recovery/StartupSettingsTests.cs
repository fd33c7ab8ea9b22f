using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Monitoring.ServiceDefaults;

namespace Monitoring.Monitor.Tests.Recovery;

/// <summary>The deployed services, run as the processes compose runs: a missing or placeholder setting ends them with one line naming its key.</summary>
public sealed class StartupSettingsTests
{
    public static TheoryData<string, string[], string> BadSettings => new()
    {
        { "Ingest", ["Messaging__Transport=RabbitMq", "Storage__Provider=Sqlite"], "Messaging:RabbitMq:Host" },
        { "Classify", ["Messaging__Transport=RabbitMq", "Messaging__RabbitMq__Host=127.0.0.1", "Storage__Provider=Sqlite"], "Messaging:RabbitMq:Username" },
        { "Alert", ["Messaging__Transport=InMemory", "Storage__Provider=MongoDb", "Alert__SecretKey=a-secret-key-of-more-than-32-characters"], "Storage:MongoDb:ConnectionString" },
        { "Alert", ["Messaging__Transport=InMemory", "Storage__Provider=Sqlite"], "Alert:SecretKey" },
        { "Alert", ["Messaging__Transport=InMemory", "Storage__Provider=Sqlite", "Alert__AdminApiKey=change-me-admin-api-key"], "Alert:AdminApiKey" },
        { "Ingest", ["Messaging__Transport=InMemory", "Storage__Provider=MongoDb", "Storage__MongoDb__ConnectionString=mongodb://monitoring:change-me-mongo-password@mongodb:27017/"], "Storage:MongoDb:ConnectionString" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_service_with_a_missing_or_placeholder_setting_exits_with_one_line_naming_the_key(string service, string[] environment, string key)
    {
        var dll = ServiceAssembly(service);
        if (!File.Exists(dll)) Assert.Skip($"{dll} is not built (dotnet build Monitoring.sln builds it)");

        var (exitCode, stdout, stderr) = await RunAsync(dll, environment);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(78, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains(InvalidSettingException.EnvironmentVariable(key), line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_anywhere_in_the_configuration_is_named()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ingest:AdminApiKey"] = "change-me-ingest-admin-api-key", ["Ingest:MaxBodyBytes"] = "10" })
            .Build();

        var refused = Assert.Throws<InvalidSettingException>(() => { ServiceDefaultsExtensions.RefusePlaceholders(configuration); });

        Assert.Equal("Ingest:AdminApiKey", refused.Key);
    }

    /// <summary>The service's build output beside this test assembly's (same configuration, same framework).</summary>
    private static string ServiceAssembly(string service)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return RepositoryPaths.Combine("services", service, $"Monitoring.{service}.Service", "bin", framework.Parent!.Name, framework.Name, $"Monitoring.{service}.Service.dll");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string dll, string[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("Messaging__", StringComparison.Ordinal) || k.StartsWith("Storage__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), "monitoring-tests", $"startup-{Guid.NewGuid():N}.db");
        foreach (var pair in environment.Select(e => e.Split('=', 2))) start.Environment[pair[0]] = pair[1];

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
