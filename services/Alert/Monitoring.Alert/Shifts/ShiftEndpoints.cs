using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Matching.Language;
using Monitoring.Alert.Signals;
using Monitoring.ServiceDefaults.Http;

namespace Monitoring.Alert.Shifts;

/// <summary><c>GET /api/relation-shifts?pair=CHN-RUS</c> or <c>?country=IRN</c>: the shifts detected, newest first (what the events page marks).</summary>
public static class ShiftEndpoints
{
    private const int MaxDays = 365;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapShiftEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/relation-shifts", ListAsync).RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Alerts")
            .Produces<IReadOnlyList<RelationShift>>().ProducesProblems(400, 401, 403, 429);
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? pair, string? country, int? days, int? limit, IRelationStore store, TermVocabulary vocabulary, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (days is < 1 or > MaxDays || limit is < 1 or > MaxLimit)
        {
            return Results.Problem(title: "Invalid range", detail: $"days is 1 to {MaxDays} (default 120) and limit 1 to {MaxLimit} (default 100).", statusCode: StatusCodes.Status400BadRequest);
        }

        string? normalizedPair = null, normalizedCountry = null;
        try
        {
            if (pair is { Length: > 0 }) normalizedPair = SignalTerms.NormalizeShift(pair, 1, vocabulary);
            if (country is { Length: > 0 }) normalizedCountry = SignalTerms.Country(country, 1, vocabulary, "an ISO 3166 alpha-3 country code such as IRN");
        }
        catch (QuerySyntaxException exception)
        {
            return Results.Problem(title: "Invalid pair or country", detail: $"{(normalizedPair is null && pair is { Length: > 0 } ? "pair" : "country")}: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var since = clock.GetUtcNow().AddDays(-(days ?? 120));
        return Results.Ok(await store.ListAsync(normalizedPair, normalizedCountry, since, limit ?? 100, cancellationToken));
    }
}
