namespace Monitoring.Contracts;

/// <summary>
/// A person or organisation an article involves, as matching needs it (<c>actor:</c> by name, code or dictionary id).
/// Its mentions (text and offsets) stay with the classified article in classify's store: <see cref="ArticleClassified.EvidencePath"/>.
/// </summary>
public sealed record ArticleActor
{
    /// <summary><c>person</c> or <c>organisation</c>.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>The organisation's code ("NATO") or the actor's country code.</summary>
    public string? Code { get; init; }

    /// <summary>The dictionary entry ("person:sergei-shoigu").</summary>
    public string? Id { get; init; }
}
