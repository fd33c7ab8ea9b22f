using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;

namespace Monitoring.Alert.Subscriptions;

/// <summary>
/// What a client may set. Owner, id, signing secret and timestamps are not here, so a request cannot assign them
/// (unknown JSON properties are ignored).
/// </summary>
public sealed record SubscriptionRequest(
    string? Name,
    string? Query = null,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Keywords = null,
    double? MinScore = null,
    string? WebhookUrl = null,
    IReadOnlyList<DeliveryChannel>? Channels = null,
    DeliverySchedule? Schedule = null,
    QuietHours? QuietHours = null,
    string? UrgentQuery = null,
    bool NotifyOnUpdates = false,
    bool Paused = false)
{
    private const int MaxTerms = 100;
    private const int MaxTermLength = 200;
    private const int MaxChannels = 10;

    /// <summary>Field errors, and the syntax error of <c>query</c> or <c>urgentQuery</c> when there is one (its position goes in the problem details).</summary>
    public (Dictionary<string, string[]> Errors, QuerySyntaxException? Syntax) Validate(TermVocabulary? vocabulary = null)
    {
        var errors = new Dictionary<string, string[]>();
        QuerySyntaxException? syntax = null;
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxTermLength) errors["name"] = ["name is required, at most 200 characters."];
        if (string.IsNullOrWhiteSpace(Query) && (Topics?.Count ?? 0) + (Countries?.Count ?? 0) + (Keywords?.Count ?? 0) == 0)
        {
            errors["criteria"] = ["give a query or at least one of topics, countries or keywords."];
        }

        foreach (var (field, expression) in new[] { ("query", Query), ("urgentQuery", UrgentQuery) })
        {
            if (string.IsNullOrWhiteSpace(expression)) continue;
            try
            {
                QueryParser.Parse(expression, vocabulary, allowCorroboration: field == "query");
            }
            catch (QuerySyntaxException exception)
            {
                errors[field] = [exception.Message];
                syntax ??= exception;
            }
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

        if (Keywords?.Any(k => !MatchableArticle.Words(k).Any()) == true) errors["keywords"] = ["every keyword needs a letter or digit."];
        else if (Keywords?.FirstOrDefault(k => k.Contains('*', StringComparison.Ordinal)) is { } wildcard) errors["keywords"] = [$"'{wildcard}': expected {QueryParser.WildcardHelp}."];
        if (vocabulary is not null && !errors.ContainsKey("topics")) Unknown(errors, "topics", Topics, t => vocabulary.Check(TermField.Topic, t.Trim().ToLowerInvariant()));
        if (vocabulary is not null && !errors.ContainsKey("countries")) Unknown(errors, "countries", Countries, c => vocabulary.Check(TermField.Country, c.Trim().ToUpperInvariant()));
        if (MinScore is < 0 or > 1000 || MinScore is double.NaN) errors["minScore"] = ["minScore is between 0 and 1000."];
        if (WebhookUrl is not null && !IsHttpUrl(WebhookUrl)) errors["webhookUrl"] = ["webhookUrl must be an absolute http(s) URL."];
        ValidateChannels(errors);
        ValidateTiming(errors);
        return (errors, syntax);
    }

    private static void Unknown(Dictionary<string, string[]> errors, string field, IReadOnlyList<string>? values, Func<string, UnknownTerm?> check)
    {
        var unknown = (values ?? []).Select(check).OfType<UnknownTerm>().Select(u => u.Message + ".").ToArray();
        if (unknown.Length > 0) errors[field] = unknown;
    }

    /// <summary>The channels the request asks for, <see cref="WebhookUrl"/> first as a generic webhook.</summary>
    public List<DeliveryChannel> AllChannels()
    {
        var channels = new List<DeliveryChannel>();
        if (WebhookUrl is not null) channels.Add(new DeliveryChannel(ChannelType.Webhook, WebhookUrl));
        channels.AddRange((Channels ?? []).Select(c => c with { Target = c.Target.Trim() }));
        return channels.Distinct().ToList();
    }

    private void ValidateChannels(Dictionary<string, string[]> errors)
    {
        if (Channels is null) return;
        if (Channels.Count > MaxChannels) errors["channels"] = [$"at most {MaxChannels} channels."];
        foreach (var channel in Channels)
        {
            if (channel?.MinOutlets is < Delivery.ChannelGate.MinOutlets or > Delivery.ChannelGate.MaxOutlets)
            {
                errors["channels"] = [$"{channel.Type} channel '{channel.Target}': minOutlets is {channel.MinOutlets}; it is the number of independent outlets that must report an event "
                    + $"before this channel is sent its alert, from {Delivery.ChannelGate.MinOutlets} to {Delivery.ChannelGate.MaxOutlets} (leave it out to send every alert)."];
            }
            else if (channel is null || string.IsNullOrWhiteSpace(channel.Target) || !Enum.IsDefined(channel.Type))
            {
                errors["channels"] = ["every channel has a type (webhook, slack, teams, email) and a target."];
            }
            else if (channel.Type == ChannelType.Email ? !IsEmail(channel.Target) : !IsHttpUrl(channel.Target))
            {
                errors["channels"] = [$"{channel.Type} channel target '{channel.Target}' must be {(channel.Type == ChannelType.Email ? "an e-mail address" : "an absolute http(s) URL")}."];
            }
        }

        // One delivery per channel target: the same target twice with different gates would be sent one alert twice.
        if (!errors.ContainsKey("channels") && AllChannels().GroupBy(Delivery.ChannelSender.KeyOf).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors["channels"] = [$"{twice.First().Type} channel '{twice.First().Target}' is listed twice with different minOutlets; list it once, with the gate it should have."];
        }
    }

    private void ValidateTiming(Dictionary<string, string[]> errors)
    {
        if (Schedule is { } schedule)
        {
            if (!Enum.IsDefined(schedule.Kind)) errors["schedule"] = ["schedule.kind is immediate, hourly or daily."];
            else if (schedule.Kind == ScheduleKind.Daily && (schedule.At is null || !IsTimeZone(schedule.TimeZone)))
            {
                errors["schedule"] = ["a daily schedule needs at (local time, HH:mm) and timeZone (IANA, e.g. Europe/Paris)."];
            }
            else if (schedule.TimeZone is not null && !IsTimeZone(schedule.TimeZone))
            {
                errors["schedule"] = [$"unknown time zone '{schedule.TimeZone}'."];
            }
        }

        if (QuietHours is { } quiet && (!IsTimeZone(quiet.TimeZone) || quiet.From == quiet.To))
        {
            errors["quietHours"] = ["quiet hours need from and to (different local times, HH:mm) and timeZone (IANA, e.g. Europe/Paris)."];
        }
    }

    private static bool IsTimeZone(string? id) => id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsEmail(string value) => MimeKit.MailboxAddress.TryParse(value, out var address) && address.Address.Contains('@', StringComparison.Ordinal);
}
