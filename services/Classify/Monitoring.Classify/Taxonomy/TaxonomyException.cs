namespace Monitoring.Classify.Taxonomy;

/// <summary>The taxonomy file is invalid; the message names the file, the line where known, and the problem.</summary>
public sealed class TaxonomyException : Exception
{
    public TaxonomyException(string message) : base(message)
    {
    }

    public TaxonomyException()
    {
    }

    public TaxonomyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
