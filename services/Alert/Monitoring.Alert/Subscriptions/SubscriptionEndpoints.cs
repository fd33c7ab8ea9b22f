using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Analysts;

namespace Monitoring.Alert.Subscriptions;

public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup("/api/subscriptions").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Subscriptions");
        subscriptions.MapPost("/", CreateAsync);
        subscriptions.MapGet("/", ListAsync);
        subscriptions.MapGet("/{subscriptionId}", GetAsync);
        subscriptions.MapDelete("/{subscriptionId}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(SubscriptionRequest request, ClaimsPrincipal user, ISubscriptionStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity);

        var subscription = new Subscription
        {
            SubscriptionId = Guid.CreateVersion7().ToString("N"),
            AnalystId = user.AnalystId(),
            Name = request.Name!.Trim(),
            Topics = Normalize(request.Topics, t => t.ToLowerInvariant()),
            Countries = Normalize(request.Countries, c => c.ToUpperInvariant()),
            Keywords = Normalize(request.Keywords, k => k),
            WebhookUrl = request.WebhookUrl,
            CreatedAt = clock.GetUtcNow(),
        };
        await store.InsertAsync(subscription, cancellationToken);
        return Results.Created($"/api/subscriptions/{subscription.SubscriptionId}", subscription);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ISubscriptionStore store, CancellationToken cancellationToken) =>
        Results.Ok(await store.ListAsync(user.AnalystId(), cancellationToken));

    private static async Task<IResult> GetAsync(string subscriptionId, ClaimsPrincipal user, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(user.AnalystId(), subscriptionId, cancellationToken) is { } subscription ? Results.Ok(subscription) : Results.NotFound();

    private static async Task<IResult> DeleteAsync(string subscriptionId, ClaimsPrincipal user, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(user.AnalystId(), subscriptionId, cancellationToken) ? Results.NoContent() : Results.NotFound();

    private static List<string> Normalize(IReadOnlyList<string>? values, Func<string, string> normalize) =>
        values?.Select(v => normalize(v.Trim())).Distinct().ToList() ?? [];
}
