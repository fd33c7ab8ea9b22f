using System.Text;

namespace Monitoring.Ingest.Extraction;

/// <summary>
/// Learns each source's template from its own articles: a line that recurs in several distinct documents of one
/// source (cookie notices, copyright, hotlines, "SITEMAP", newsletter prompts) is boilerplate, not content.
/// Bounded in memory: the last <see cref="WindowDocuments"/> documents per source, the <see cref="MaxSources"/>
/// most recently seen sources. Thread-safe; one instance per process (the ingest service registers a singleton).
/// With <see cref="RecordsNewDocuments"/> every new document is also queued for <see cref="SourceTemplates"/> to store,
/// and <see cref="Restore"/> brings back a source's stored documents, so the template survives a restart.
/// </summary>
public sealed class SourceBoilerplate(int minDocuments = 3, int windowDocuments = 200, int maxSources = 2_000)
{
    // Long paragraphs are never template: the same long sentence in several articles is a quoted background
    // paragraph or syndicated text, which dedup (not extraction) must handle.
    public const int MaxTemplateLineLength = 300;

    private readonly Dictionary<string, SourceModel> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<string> _recency = new();
    private readonly Lock _lock = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<TemplateDocument> _pending = new();
    private readonly HashSet<string> _restored = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Queue each new document for storage (the ingest service); off for one-off runs such as <c>monitor extract</c>.</summary>
    public bool RecordsNewDocuments { get; init; }

    public int MinDocuments { get; } = minDocuments;
    public int WindowDocuments { get; } = windowDocuments;
    public int MaxSources { get; } = maxSources;

    /// <summary>Records the lines of one document of <paramref name="source"/>. The same document seen again is not counted twice.</summary>
    public void Observe(string source, IEnumerable<string> lines)
    {
        var hashes = lines.Where(line => line.Length <= MaxTemplateLineLength).Select(Normalise).Where(line => line.Length > 0).Select(Hash).ToHashSet();
        if (hashes.Count == 0) return;
        var documentHash = hashes.Order().Aggregate(17UL, (acc, h) => unchecked((acc * 31) + h));
        bool added;
        lock (_lock)
        {
            added = Model(source).Add(documentHash, hashes, WindowDocuments);
        }

        if (added && RecordsNewDocuments) _pending.Enqueue(new TemplateDocument(source, documentHash, hashes.ToArray(), DateTimeOffset.UtcNow));
    }

    /// <summary>Whether this process has already brought back (or started) <paramref name="source"/>'s documents.</summary>
    public bool IsRestored(string source)
    {
        lock (_lock) return _restored.Contains(source);
    }

    /// <summary>Adds stored documents of a source (oldest first) once per process; later calls for the source do nothing.</summary>
    public void Restore(string source, IEnumerable<TemplateDocument> documents)
    {
        lock (_lock)
        {
            if (!_restored.Add(source)) return;
            var model = Model(source);
            foreach (var document in documents) model.Add(document.DocumentHash, document.LineHashes.ToHashSet(), WindowDocuments);
        }
    }

    /// <summary>The documents learnt since the last call, to be stored.</summary>
    public List<TemplateDocument> TakePending()
    {
        var taken = new List<TemplateDocument>();
        while (_pending.TryDequeue(out var document)) taken.Add(document);
        return taken;
    }

    /// <summary>Whether <paramref name="line"/> is part of <paramref name="source"/>'s template, as learnt so far.</summary>
    public bool IsTemplate(string source, string line)
    {
        if (line.Length > MaxTemplateLineLength) return false;
        var normalised = Normalise(line);
        if (normalised.Length == 0) return false;
        lock (_lock)
        {
            return _sources.TryGetValue(source, out var model) && model.DocumentsContaining(Hash(normalised)) >= MinDocuments;
        }
    }

    public int SourceCount
    {
        get
        {
            lock (_lock) return _sources.Count;
        }
    }

    private SourceModel Model(string source)
    {
        if (_sources.TryGetValue(source, out var model))
        {
            _recency.Remove(model.RecencyNode);
            _recency.AddFirst(model.RecencyNode);
            return model;
        }

        if (_sources.Count >= MaxSources && _recency.Last is { } oldest)
        {
            _sources.Remove(oldest.Value);
            _recency.RemoveLast();
        }

        model = new SourceModel(_recency.AddFirst(source));
        _sources[source] = model;
        return model;
    }

    // Case, digits and spacing vary in templates ("© 2024", "© 2025"; "12 comments"); the words do not.
    private static string Normalise(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (char.IsLetter(c)) builder.Append(char.ToLowerInvariant(c));
            else if (char.IsDigit(c)) { if (builder.Length == 0 || builder[^1] != '0') builder.Append('0'); }
            else if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c)) builder.Append(c);
        }

        return builder.ToString();
    }

    // FNV-1a, 64 bits: stable, allocation-free, and collisions are negligible at a few thousand lines per source.
    private static ulong Hash(string normalised)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in normalised)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    private sealed class SourceModel(LinkedListNode<string> recencyNode)
    {
        private readonly Queue<(ulong Document, HashSet<ulong> Lines)> _window = new();
        private readonly HashSet<ulong> _documents = [];
        private readonly Dictionary<ulong, int> _lineCounts = [];

        public LinkedListNode<string> RecencyNode { get; } = recencyNode;

        public bool Add(ulong document, HashSet<ulong> lines, int windowDocuments)
        {
            if (!_documents.Add(document)) return false;
            _window.Enqueue((document, lines));
            foreach (var line in lines) _lineCounts[line] = _lineCounts.GetValueOrDefault(line) + 1;

            while (_window.Count > windowDocuments)
            {
                var (oldDocument, oldLines) = _window.Dequeue();
                _documents.Remove(oldDocument);
                foreach (var line in oldLines)
                {
                    if (--_lineCounts[line] == 0) _lineCounts.Remove(line);
                }
            }

            return true;
        }

        public int DocumentsContaining(ulong line) => _lineCounts.GetValueOrDefault(line);
    }
}
