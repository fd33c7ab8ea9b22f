namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// The message itself is wrong (missing key, empty text): retrying cannot help, so it goes straight to
/// the endpoint's <c>_error</c> queue with this exception attached.
/// </summary>
public sealed class InvalidMessageException : Exception
{
    public InvalidMessageException(string message) : base(message)
    {
    }

    public InvalidMessageException()
    {
    }

    public InvalidMessageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
