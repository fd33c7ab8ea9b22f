using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Matching;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Alert.Subscriptions;

/// <summary>The subscription as created: the only time its webhook signing secret is shown.</summary>
public sealed record CreatedSubscription(Subscription Subscription, string SigningSecret);

public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup("/api/subscriptions").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Subscriptions");
        subscriptions.MapPost("/", CreateAsync);
        subscriptions.MapGet("/", ListAsync);
        subscriptions.MapGet("/{subscriptionId}", GetAsync);
        subscriptions.MapPut("/{subscriptionId}", UpdateAsync);
        subscriptions.MapDelete("/{subscriptionId}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        SubscriptionRequest request, ClaimsPrincipal user, ISubscriptionStore store, SubscriptionCatalog catalog, IWebhookUrlPolicy urls,
        IOptions<AlertOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(request, urls, cancellationToken) is { } invalid) return invalid;
        var analystId = user.AnalystId();
        if (await store.CountAsync(analystId, cancellationToken) >= options.Value.MaxSubscriptionsPerAnalyst)
        {
            return Results.Problem(
                title: "Too many subscriptions",
                detail: $"An analyst may have at most {options.Value.MaxSubscriptionsPerAnalyst} subscriptions; delete one first.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var subscription = Build(request, Guid.CreateVersion7().ToString("N"), analystId, clock.GetUtcNow()) with
        {
            SigningSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        await store.InsertAsync(subscription, cancellationToken);
        catalog.Saved(subscription);
        return Results.Created($"/api/subscriptions/{subscription.SubscriptionId}", Shown(subscription));
    }

    private static async Task<IResult> UpdateAsync(
        string subscriptionId, SubscriptionRequest request, ClaimsPrincipal user, ISubscriptionStore store, SubscriptionCatalog catalog,
        IWebhookUrlPolicy urls, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(user.AnalystId(), subscriptionId, cancellationToken) is not { } existing) return Results.NotFound();
        if (await ValidateAsync(request, urls, cancellationToken) is { } invalid) return invalid;

        var updated = Build(request, existing.SubscriptionId, existing.AnalystId, existing.CreatedAt) with { SigningSecret = existing.SigningSecret };
        if (!await store.UpdateAsync(updated, cancellationToken)) return Results.NotFound();
        catalog.Saved(updated);
        return Results.Ok(updated);
    }

    /// <summary>Oldest first, one page at a time (<c>?limit=&amp;after=</c>, <c>Link: rel="next"</c>); the default page holds every subscription an analyst may have.</summary>
    private static Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, ISubscriptionStore store, IOptions<AlertOptions> options, int? limit, string? after,
        CancellationToken cancellationToken) =>
        PagedList.ReadAsync(http, limit, after, options.Value.MaxSubscriptionsPerAnalyst, Math.Max(500, options.Value.MaxSubscriptionsPerAnalyst),
            page => store.ListAsync(user.AnalystId(), page, cancellationToken));

    private static async Task<IResult> GetAsync(string subscriptionId, ClaimsPrincipal user, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.AnalystId(), subscriptionId, cancellationToken) is { } subscription ? Results.Ok(subscription) : Results.NotFound();

    private static async Task<IResult> DeleteAsync(string subscriptionId, ClaimsPrincipal user, ISubscriptionStore store, SubscriptionCatalog catalog, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(user.AnalystId(), subscriptionId, cancellationToken)) return Results.NotFound();
        catalog.Deleted(subscriptionId);
        return Results.NoContent();
    }

    private static async Task<IResult?> ValidateAsync(SubscriptionRequest request, IWebhookUrlPolicy urls, CancellationToken cancellationToken)
    {
        var (errors, syntax) = request.Validate();
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

        if (errors.Count == 0) return null;
        var extensions = syntax is null
            ? null
            : new Dictionary<string, object?> { ["position"] = syntax.Position, ["expected"] = syntax.Expected, ["found"] = syntax.Found };
        return Results.ValidationProblem(errors, detail: syntax?.Message, statusCode: StatusCodes.Status422UnprocessableEntity, extensions: extensions);
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
        CreatedAt = createdAt,
    };

    private static object Shown(Subscription subscription) => new
    {
        subscription.SubscriptionId, subscription.AnalystId, subscription.Name, subscription.Query, subscription.Topics, subscription.Countries,
        subscription.Keywords, subscription.MinScore, subscription.Channels, subscription.Schedule, subscription.QuietHours, subscription.UrgentQuery,
        subscription.NotifyOnUpdates, subscription.CreatedAt, subscription.WebhookUrl, subscription.SigningSecret,
    };

    private static List<string> Normalize(IReadOnlyList<string>? values, Func<string, string> normalize) =>
        values?.Select(v => normalize(v.Trim())).Distinct().ToList() ?? [];
}
