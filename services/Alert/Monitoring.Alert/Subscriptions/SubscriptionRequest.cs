namespace Monitoring.Alert.Subscriptions;

/// <summary>What a client may set. Owner, id and timestamps are not here, so they cannot be assigned by a request.</summary>
public sealed record SubscriptionRequest(
    string? Name,
    IReadOnlyList<string>? Topics,
    IReadOnlyList<string>? Countries,
    IReadOnlyList<string>? Keywords,
    string? WebhookUrl)
{
    private const int MaxTerms = 100;
    private const int MaxTermLength = 200;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxTermLength) errors["name"] = ["name is required, at most 200 characters."];
        if ((Topics?.Count ?? 0) + (Countries?.Count ?? 0) + (Keywords?.Count ?? 0) == 0)
        {
            errors["criteria"] = ["give at least one of topics, countries or keywords."];
        }

        foreach (var (field, list) in new[] { ("topics", Topics), ("countries", Countries), ("keywords", Keywords) })
        {
            if (list is null) continue;
            if (list.Count > MaxTerms || list.Any(term => string.IsNullOrWhiteSpace(term) || term.Length > MaxTermLength))
            {
                errors[field] = [$"at most {MaxTerms} non-empty entries of at most {MaxTermLength} characters."];
            }
        }

        if (Countries?.Any(c => c is not { Length: 3 } || !c.All(char.IsAsciiLetter)) == true)
        {
            errors["countries"] = ["countries are ISO-3166 alpha-3 codes, such as CHN or RUS."];
        }

        if (WebhookUrl is not null
            && !(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors["webhookUrl"] = ["webhookUrl must be an absolute http(s) URL."];
        }

        return errors;
    }
}
