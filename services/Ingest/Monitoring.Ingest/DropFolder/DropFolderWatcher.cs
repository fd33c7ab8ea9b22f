using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Sources;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Ingest.DropFolder;

/// <summary>
/// Ingests <c>.txt</c> and <c>.html</c> files dropped into a folder, then moves each into <c>processed/</c>.
/// What is not an article — any other kind of file, binary or encoded data, a page without readable text — goes to
/// <c>rejected/</c> beside a <c>.reason.txt</c> a person can read; a file that failed for another reason (the store
/// was down) goes to <c>failed/</c> beside a <c>.error.txt</c>. Polls rather than relying on file-system
/// events alone, which are lost on network shares and container volumes.
/// </summary>
public sealed class DropFolderWatcher(
    IServiceScopeFactory scopes, ChannelActivity activity, IOptions<IngestOptions> options, ILogger<DropFolderWatcher> logger, TimeProvider clock)
    : BackgroundService
{
    private static readonly string[] Extensions = [".txt", ".html", ".htm"];

    // A file still being written is left for the next pass.
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = Path.GetFullPath(options.Value.DropFolder!);
        Directory.CreateDirectory(folder);
        logger.LogInformation("Watching drop folder {Folder}", folder);
        using var timer = new PeriodicTimer(options.Value.DropFolderPollInterval, clock);
        do
        {
            await ScanAsync(folder, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task ScanAsync(string folder, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Where(file => clock.GetUtcNow() - File.GetLastWriteTimeUtc(file) > SettleTime)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            await IngestFileAsync(folder, file, cancellationToken);
        }
    }

    private async Task IngestFileAsync(string folder, string file, CancellationToken cancellationToken)
    {
        try
        {
            if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                throw new NotAnArticleException($"'{Path.GetExtension(file)}' files are neither text nor HTML; the drop folder takes .txt, .html and .htm.", binary: true);
            }

            var content = await File.ReadAllTextAsync(file, cancellationToken);
            var isHtml = !Path.GetExtension(file).Equals(".txt", StringComparison.OrdinalIgnoreCase);
            var submission = new ArticleSubmission { Source = "drop-folder", Text = isHtml ? null : content, Html = isHtml ? content : null };

            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ArticleIngestor>().IngestAsync(submission, cancellationToken);
            logger.LogInformation("Ingested {File} as {ArticleId} (duplicate: {Duplicate})", Path.GetFileName(file), result.ArticleId, result.Duplicate);
            activity.Ingested(ChannelActivity.DropFolder, result.Duplicate);
            Move(file, Path.Combine(folder, "processed"));
        }
        catch (BrokerUnavailableException)
        {
            // Not the file's fault: it stays where it is and is taken at a later scan.
            logger.LogInformation("{File} waits: the broker cannot be reached", Path.GetFileName(file));
        }
        catch (NotAnArticleException exception)
        {
            logger.LogWarning("Rejected {File}: {Reason}", Path.GetFileName(file), exception.Message);
            activity.Rejected(ChannelActivity.DropFolder, $"{Path.GetFileName(file)}: {exception.Message}");
            var rejected = Path.Combine(folder, "rejected");
            Move(file, rejected);
            await File.WriteAllTextAsync(Path.Combine(rejected, Path.GetFileName(file) + ".reason.txt"), exception.Message + Environment.NewLine, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not ingest {File}", Path.GetFileName(file));
            activity.Rejected(ChannelActivity.DropFolder, $"{Path.GetFileName(file)}: {exception.Message}");
            var failed = Path.Combine(folder, "failed");
            Move(file, failed);
            await File.WriteAllTextAsync(Path.Combine(failed, Path.GetFileName(file) + ".error.txt"), exception.ToString(), cancellationToken);
        }
    }

    private static void Move(string file, string targetFolder)
    {
        Directory.CreateDirectory(targetFolder);
        File.Move(file, Path.Combine(targetFolder, Path.GetFileName(file)), overwrite: true);
    }
}
