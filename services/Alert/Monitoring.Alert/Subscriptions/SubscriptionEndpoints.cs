using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Matching;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Preview;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Alert.Subscriptions;

/// <summary>The subscription as created: the only time its webhook signing secret is shown.</summary>
public sealed record CreatedSubscription(Subscription Subscription, string SigningSecret);

public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup("/api/subscriptions").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Subscriptions")
            .ProducesProblems(401, 403, 429);
        subscriptions.MapPost("/", CreateAsync).Produces<CreatedSubscription>(StatusCodes.Status201Created).ProducesProblems(400, 415, 422);
        subscriptions.MapPost("/preview", PreviewAsync).Produces<PreviewResult>().ProducesProblems(400, 415, 422);
        subscriptions.MapGet("/", ListAsync).Produces<IReadOnlyList<Subscription>>();
        subscriptions.MapGet("/{subscriptionId}", GetAsync).Produces<Subscription>().ProducesProblems(404);
        subscriptions.MapPut("/{subscriptionId}", UpdateAsync).Produces<Subscription>().ProducesProblems(400, 404, 415, 422);
        subscriptions.MapDelete("/{subscriptionId}", DeleteAsync).Produces(StatusCodes.Status204NoContent).ProducesProblems(404);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        SubscriptionRequest request, ClaimsPrincipal user, ISubscriptionStore store, SubscriptionCatalog catalog, IWebhookUrlPolicy urls,
        ChannelTransports transports, SigningSecrets secrets, TermVocabulary vocabulary, IOptions<AlertOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(request, urls, transports, vocabulary, cancellationToken) is { } invalid) return invalid;
        var analystId = user.AnalystId();
        if (await store.CountAsync(analystId, cancellationToken) >= options.Value.MaxSubscriptionsPerAnalyst)
        {
            return Results.Problem(
                title: "Too many subscriptions",
                detail: $"An analyst may have at most {options.Value.MaxSubscriptionsPerAnalyst} subscriptions; delete one first.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var subscription = Build(request, Guid.CreateVersion7().ToString("N"), analystId, clock.GetUtcNow()) with { SigningSecret = secrets.Protect(secret) };
        await store.InsertAsync(subscription, cancellationToken);
        catalog.Saved(subscription);
        return Results.Created($"/api/subscriptions/{subscription.SubscriptionId}", Shown(subscription, secret));
    }

    private static async Task<IResult> UpdateAsync(
        string subscriptionId, SubscriptionRequest request, ClaimsPrincipal user, ISubscriptionStore store, SubscriptionCatalog catalog,
        IWebhookUrlPolicy urls, ChannelTransports transports, TermVocabulary vocabulary, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(user.AnalystId(), subscriptionId, cancellationToken) is not { } existing) return NoSuchSubscription(subscriptionId);
        if (await ValidateAsync(request, urls, transports, vocabulary, cancellationToken) is { } invalid) return invalid;

        var updated = Build(request, existing.SubscriptionId, existing.AnalystId, existing.CreatedAt) with { SigningSecret = existing.SigningSecret };
        if (!await store.UpdateAsync(updated, cancellationToken)) return NoSuchSubscription(subscriptionId);
        catalog.Saved(updated);
        return Results.Ok(updated);
    }

    /// <summary>What the subscription would have matched among the recent articles, with evidence; nothing is saved.</summary>
    private static async Task<IResult> PreviewAsync(
        SubscriptionRequest request, int? days, int? limit, ClaimsPrincipal user, SubscriptionPreview preview, TermVocabulary vocabulary,
        IOptions<AlertOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (days is < 1 || days > settings.PreviewMaxDays || limit is < 1 || limit > settings.PreviewMaxMatches)
        {
            return Results.Problem(
                title: "Invalid preview bounds",
                detail: $"days is between 1 and {settings.PreviewMaxDays} (default 7); limit between 1 and {settings.PreviewMaxMatches} (default 50).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var candidate = request with { Name = string.IsNullOrWhiteSpace(request.Name) ? "preview" : request.Name, WebhookUrl = null, Channels = null };
        var (errors, syntax) = candidate.Validate(vocabulary);
        if (errors.Count > 0) return Invalid(errors, syntax);
        var subscription = Build(candidate, "preview", user.AnalystId(), clock.GetUtcNow());
        return Results.Ok(await preview.RunAsync(subscription, days ?? 7, limit ?? 50, cancellationToken));
    }

    /// <summary>Oldest first, one page at a time (<c>?limit=&amp;after=</c>, <c>Link: rel="next"</c>); the default page holds every subscription an analyst may have.</summary>
    private static Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, ISubscriptionStore store, IOptions<AlertOptions> options, int? limit, string? after,
        CancellationToken cancellationToken) =>
        PagedList.ReadAsync(http, limit, after, options.Value.MaxSubscriptionsPerAnalyst, Math.Max(500, options.Value.MaxSubscriptionsPerAnalyst),
            page => store.ListAsync(user.AnalystId(), page, cancellationToken));

    private static async Task<IResult> GetAsync(string subscriptionId, ClaimsPrincipal user, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.AnalystId(), subscriptionId, cancellationToken) is { } subscription ? Results.Ok(subscription) : NoSuchSubscription(subscriptionId);

    private static async Task<IResult> DeleteAsync(string subscriptionId, ClaimsPrincipal user, ISubscriptionStore store, SubscriptionCatalog catalog, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(user.AnalystId(), subscriptionId, cancellationToken)) return NoSuchSubscription(subscriptionId);
        catalog.Deleted(subscriptionId);
        return Results.NoContent();
    }

    private static IResult NoSuchSubscription(string subscriptionId) =>
        Results.Problem(title: "No such subscription", detail: $"You have no subscription '{subscriptionId}'.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult?> ValidateAsync(
        SubscriptionRequest request, IWebhookUrlPolicy urls, ChannelTransports transports, TermVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var (errors, syntax) = request.Validate(vocabulary);
        if (errors.Count == 0 && request.AllChannels().Select(c => transports.Unavailable(c.Type)).FirstOrDefault(r => r is not null) is { } unavailable)
        {
            errors["channels"] = [unavailable];
        }

        if (errors.Count == 0)
        {
            foreach (var channel in request.AllChannels().Where(c => c.Type != ChannelType.Email))
            {
                if (await urls.CheckAsync(new Uri(channel.Target), cancellationToken) is { } refused)
                {
                    errors["channels"] = [$"{channel.Target}: {refused}"];
                }
            }
        }

        return errors.Count == 0 ? null : Invalid(errors, syntax);
    }

    /// <summary>422 with every field's errors; a query error adds its position, what was expected and found, and suggestions.</summary>
    internal static IResult Invalid(Dictionary<string, string[]> errors, QuerySyntaxException? syntax)
    {
        var extensions = syntax is null
            ? null
            : new Dictionary<string, object?> { ["position"] = syntax.Position, ["expected"] = syntax.Expected, ["found"] = syntax.Found, ["suggestions"] = syntax.Suggestions };
        return Results.ValidationProblem(
            errors, detail: syntax?.Message ?? string.Join(" ", errors.Values.SelectMany(v => v)), statusCode: StatusCodes.Status422UnprocessableEntity, extensions: extensions);
    }

    private static Subscription Build(SubscriptionRequest request, string id, string analystId, DateTimeOffset createdAt) => new()
    {
        SubscriptionId = id,
        AnalystId = analystId,
        Name = request.Name!.Trim(),
        Query = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim(),
        Topics = Normalize(request.Topics, t => t.ToLowerInvariant()),
        Countries = Normalize(request.Countries, c => c.ToUpperInvariant()),
        Keywords = Normalize(request.Keywords, k => k),
        MinScore = request.MinScore,
        Channels = request.AllChannels(),
        Schedule = request.Schedule ?? DeliverySchedule.Immediate,
        QuietHours = request.QuietHours,
        UrgentQuery = string.IsNullOrWhiteSpace(request.UrgentQuery) ? null : request.UrgentQuery.Trim(),
        NotifyOnUpdates = request.NotifyOnUpdates,
        Paused = request.Paused,
        CreatedAt = createdAt,
    };

    private static object Shown(Subscription subscription, string signingSecret) => new
    {
        subscription.SubscriptionId, subscription.AnalystId, subscription.Name, subscription.Query, subscription.Topics, subscription.Countries,
        subscription.Keywords, subscription.MinScore, subscription.Channels, subscription.Schedule, subscription.QuietHours, subscription.UrgentQuery,
        subscription.NotifyOnUpdates, subscription.Paused, subscription.CreatedAt, subscription.WebhookUrl, SigningSecret = signingSecret,
    };

    private static List<string> Normalize(IReadOnlyList<string>? values, Func<string, string> normalize) =>
        values?.Select(v => normalize(v.Trim())).Distinct().ToList() ?? [];
}
