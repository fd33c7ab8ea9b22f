using Microsoft.Extensions.Logging;

namespace Monitoring.Classify.Taxonomy;

/// <summary>
/// Holds the current taxonomy and reloads it when its file changes. A file that fails to load or validate is logged
/// with its line and problem and ignored: classification goes on with the last good taxonomy. The first load must
/// succeed — a service does not start without a taxonomy.
/// </summary>
public sealed partial class TaxonomyProvider : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly string _path;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _timer;
    private readonly Lock _reloading = new();
    private volatile TopicTagger _current;

    public TaxonomyProvider(string path, ILogger<TaxonomyProvider> logger, bool watch = true)
    {
        _path = Path.GetFullPath(path);
        _logger = logger;
        _current = TopicTagger.Load(_path);
        _timer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        if (!watch) return;

        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };

        // Editors save in several steps (truncate, write, rename): reload once the file has been quiet for a moment.
        _watcher.Changed += (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        _watcher.Created += (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        _watcher.Renamed += (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    public TopicTagger Current => _current;

    /// <summary>The last reload error, or null when the file on disk is the taxonomy in use.</summary>
    public string? LastError { get; private set; }

    /// <summary>Loads the file again; returns false (and keeps the current taxonomy) when it is invalid.</summary>
    public bool Reload()
    {
        lock (_reloading)
        {
            try
            {
                var tagger = TopicTagger.Load(_path);
                _current = tagger;
                LastError = null;
                LogReloaded(_path, tagger.Version, tagger.Topics.Count);
                return true;
            }
            catch (Exception exception) when (exception is TaxonomyException or IOException or UnauthorizedAccessException)
            {
                LastError = exception.Message;
                LogRejected(exception.Message, _current.Version);
                return false;
            }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Taxonomy {Path} reloaded: version {Version}, {Topics} topics")]
    private partial void LogReloaded(string path, int version, int topics);

    [LoggerMessage(Level = LogLevel.Error, Message = "Taxonomy change rejected, keeping version {Version}: {Problem}")]
    private partial void LogRejected(string problem, int version);
}
