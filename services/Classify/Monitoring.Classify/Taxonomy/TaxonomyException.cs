namespace Monitoring.Classify.Taxonomy;

/// <summary>The taxonomy file is invalid; the message names the file, the line where known, and the problem.</summary>
public sealed class TaxonomyException : Exception
{
    public TaxonomyException(string message, int line) : base(message) => Line = line;

    public TaxonomyException(string message) : base(message)
    {
    }

    public TaxonomyException()
    {
    }

    public TaxonomyException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>1-based line of the problem in the file, 0 when unknown.</summary>
    public int Line { get; }
}
