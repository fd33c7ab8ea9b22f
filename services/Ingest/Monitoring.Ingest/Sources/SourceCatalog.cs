using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Ingest.Sources;

/// <summary>A source definition that cannot be accepted, with the reason.</summary>
public sealed class InvalidSourceException(string message) : Exception(message);

/// <summary>Creates, changes and removes feed sources, from the API or configuration, with the same rules.</summary>
public sealed partial class SourceCatalog(ISourceStore store, OutboundUrlGuard guard, IOptions<FeedOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Validates and builds a source; the URL must pass the outbound guard now (it is checked again at every poll).</summary>
    public async Task<FeedSource> BuildAsync(FeedSourceDefinition definition, string? id, string origin, CancellationToken cancellationToken)
    {
        id ??= definition.Id;
        if (string.IsNullOrWhiteSpace(id) || !SourceId().IsMatch(id))
        {
            throw new InvalidSourceException("id is required: 1–64 lower-case letters, digits or '-', starting with a letter or digit.");
        }

        if (definition.Id is not null && definition.Id != id) throw new InvalidSourceException($"The body's id '{definition.Id}' differs from the URL's '{id}'.");
        if (string.IsNullOrWhiteSpace(definition.Url) || !Uri.TryCreate(definition.Url, UriKind.Absolute, out var url))
        {
            throw new InvalidSourceException("url is required: the absolute http(s) URL of an RSS or Atom feed.");
        }

        try
        {
            await guard.CheckAsync(url, cancellationToken);
        }
        catch (OutboundRequestRefusedException refused)
        {
            throw new InvalidSourceException(refused.Message);
        }

        var interval = definition.PollInterval ?? options.Value.DefaultPollInterval;
        if (interval < options.Value.MinPollInterval)
        {
            throw new InvalidSourceException($"pollInterval must be at least {options.Value.MinPollInterval}.");
        }

        if (definition.Name is { Length: > 200 }) throw new InvalidSourceException("name is at most 200 characters.");
        return new FeedSource
        {
            Id = id,
            Url = url.AbsoluteUri,
            Name = string.IsNullOrWhiteSpace(definition.Name) ? null : definition.Name.Trim(),
            PollInterval = interval,
            Enabled = definition.Enabled ?? true,
            Origin = origin,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>
    /// Makes the stored sources match <c>Ingest:Feeds:Sources</c> and the sources file, keeping their poll status. Each
    /// definition stands alone: one that is invalid is reported and skipped, the others are applied.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyConfigurationAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var definitions = options.Value.Sources.ToList();
        if (!string.IsNullOrWhiteSpace(options.Value.SourcesFile))
        {
            try
            {
                await using var file = File.OpenRead(options.Value.SourcesFile);
                definitions.AddRange(await JsonSerializer.DeserializeAsync<List<FeedSourceDefinition>>(file, Json, cancellationToken) ?? []);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
            {
                problems.Add($"{options.Value.SourcesFile}: {exception.Message}");
            }
        }

        foreach (var definition in definitions)
        {
            try
            {
                var source = await BuildAsync(definition, definition.Id, "config", cancellationToken);
                if (!await store.TryCreateAsync(source, cancellationToken)) await store.UpdateDefinitionAsync(source, cancellationToken);
            }
            catch (InvalidSourceException exception)
            {
                problems.Add($"source '{definition.Id}': {exception.Message}");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceId();
}
