namespace Monitoring.Ingest.Sources;

/// <summary>A document that is not a feed we read, or that we refuse to read (a DTD: XXE and entity expansion).</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
