using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;
using Monitoring.Alert;
using Monitoring.Alert.Delivery;
using Monitoring.Classify;
using Monitoring.Ingest;
using Monitoring.Monitor.Demo;
using Monitoring.ServiceDefaults;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Monitor;

/// <summary>Ingest, classify and alert composed in one process: in-memory bus, a SQLite file per service, one HTTP API.</summary>
public static class MonitorHost
{
    /// <summary>The demo's key for feed administration (the desk's Sources page).</summary>
    public const string DemoAdminKey = "demo-admin-key";

    /// <summary>
    /// The demo's write key for posting articles (the demo analyst's key, from the seeds, reads). Known to anyone who
    /// reads this file, like that one: the host listens on 127.0.0.1 unless <c>--urls</c> says otherwise, and
    /// <c>Access__WriteKeys__0</c> replaces it.
    /// </summary>
    public const string DemoWriteKey = "demo-write-key";

    public static WebApplication Build(MonitorRunOptions options, TextWriter output)
    {
        var builder = CreateBuilder(options.Data, options.Urls, DemoWebhook.Path);
        builder.Services.AddSingleton(sp => new DemoConsole(output, sp.GetRequiredService<TimeProvider>()));
        builder.AddMessageConsumers(bus =>
        {
            bus.AddConsumer<PrintEventConsumer>();
            bus.AddConsumer<PrintAlertConsumer>();
        });
        builder.AddMonitoringBus();

        var app = builder.Build();
        MapServices(app);
        app.MapDemoWebhook();
        return app;
    }

    /// <summary>
    /// The three services on one builder with the one-machine defaults (in-memory bus, SQLite files named after
    /// <paramref name="data"/>, one per service: <see cref="DatabaseFiles"/>),
    /// before the bus is added, so a caller can add consumers of its own (the demo's printers, the bench's stage markers).
    /// <paramref name="webhookPath"/> on this host is the one URL on this machine the webhook client may call.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(FileInfo data, string urls, string webhookPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "monitor", ContentRootPath = AppContext.BaseDirectory });

        // Defaults for one machine; environment variables (Storage__Provider, …) still override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Messaging:Transport"] = nameof(MessagingTransport.InMemory),
                ["Storage:Provider"] = "Sqlite",
                ["Storage:Sqlite:Path"] = data.FullName,
                ["Storage:Sqlite:Databases:" + IngestExtensions.Database] = DatabaseFiles(data)[0].FullName,
                ["Storage:Sqlite:Databases:" + ClassifyExtensions.Database] = DatabaseFiles(data)[1].FullName,
                ["Storage:Sqlite:Databases:" + AlertExtensions.Database] = DatabaseFiles(data)[2].FullName,
                ["Access:WriteKeys:0"] = DemoWriteKey,
                ["Alert:SecretKey"] = LocalSecretKey(data),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",

                // The API reference page (/scalar) and the desk's Sources page (feeds need the ingest admin key).
                ["OpenApi:Reference"] = "true",
                ["Ingest:AdminApiKey"] = DemoAdminKey,
            },
        });
        builder.WebHost.UseUrls(urls);

        // The demo subscription's webhook is this host's own: that one URL, for the webhook client only, so fetch-by-URL
        // and feeds still cannot read anything on this machine. The port is known once the server listens.
        builder.Services.AddOptions<OutboundSafetyOptions>(ChannelSender.HttpClientName).PostConfigure<IServer>((safety, server) =>
            safety.AllowedUrls.AddRange(server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => a.TrimEnd('/') + webhookPath) ?? []));

        builder.AddServiceDefaults();
        builder.AddIngest();
        builder.AddClassify();
        builder.AddAlert();
        return builder;
    }

    public static void MapServices(WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapIngestEndpoints();
        app.MapClassifyEndpoints();
        app.MapAlertEndpoints();
    }

    /// <summary>
    /// The services' SQLite files beside <paramref name="data"/> (<c>monitoring.db</c>: <c>monitoring.ingest.db</c>,
    /// <c>monitoring.classify.db</c>, <c>monitoring.alert.db</c>): SQLite admits one writer per file, so with one file for
    /// all three each service's commits queued behind the others'; the deployed services have a file (or a database) each too.
    /// </summary>
    public static FileInfo[] DatabaseFiles(FileInfo data)
    {
        var folder = data.DirectoryName ?? ".";
        var stem = Path.GetFileNameWithoutExtension(data.Name);
        var extension = data.Extension is { Length: > 0 } given ? given : ".db";
        return [.. new[] { IngestExtensions.Database, ClassifyExtensions.Database, AlertExtensions.Database }
            .Select(service => new FileInfo(Path.Combine(folder, $"{stem}.{service}{extension}")))];
    }

    /// <summary>
    /// The key that encrypts webhook signing secrets, kept beside the database (<c>secret.key</c>, readable by its owner
    /// only) and made on the first run: the database and its key belong together, and neither is in the repository.
    /// </summary>
    private static string LocalSecretKey(FileInfo data)
    {
        var path = Path.Combine(data.DirectoryName ?? ".", "secret.key");
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, create))
        {
            writer.Write(key);
        }

        return key;
    }

    public static async Task<int> RunAsync(MonitorRunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (!options.Seeds.Exists)
        {
            await Console.Error.WriteLineAsync($"monitor run: seeds folder '{options.Seeds.FullName}' not found; run from the repository root or pass --seeds DIR.");
            return 2;
        }

        await using var app = Build(options, output);
        await app.StartAsync(cancellationToken);
        var console = app.Services.GetRequiredService<DemoConsole>();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        console.Line($"Monitoring: ingest, classify and alert in one process (in-memory bus, SQLite {string.Join(", ", DatabaseFiles(options.Data).Select(file => file.FullName))})");
        console.Line($"API on {address}");
        console.Line();

        var writeKey = app.Configuration["Access:WriteKeys:0"] ?? DemoWriteKey;
        console.Line($"Demo keys (X-Api-Key): write {writeKey} (post articles); the demo analyst's key (seeds/{DemoSeed.FileName}) reads everything.");
        console.Line();

        using var seeder = new DemoSeeder(app.Services, address, writeKey, console);
        var seed = await seeder.CreateSubscriptionsAsync(options.Seeds, cancellationToken);
        var added = await seeder.IngestArticlesAsync(options.Seeds, cancellationToken);
        await console.WaitForQuietAsync(added, TimeSpan.FromSeconds(60), cancellationToken);

        console.Line();
        var key = seed?.Analyst.ApiKey ?? "<your key>";
        console.Line("Try it (another terminal):");
        console.Line($"  curl -s -H 'X-Api-Key: {key}' {address}api/classified-articles | head -c 600");
        console.Line($"  curl -s -H 'X-Api-Key: {key}' {address}api/alerts");
        console.Line($"  curl -s -H 'X-Api-Key: {key}' {address}api/subscriptions");
        console.Line($"  curl -s -X POST -H 'X-Api-Key: {writeKey}' -H 'Content-Type: text/plain' --data-binary @seeds/000_780a307ae76c99fd.txt {address}api/articles");
        console.Line();
        console.Line($"The analyst's desk: {address} (sign in with {key}; Sources with {app.Configuration["Ingest:AdminApiKey"]}). API reference: {address}scalar");

        if (options.Once)
        {
            await app.StopAsync(CancellationToken.None);
            return 0;
        }

        console.Line();
        console.Line("Serving; Ctrl+C stops.");
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
