using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Monitoring.Alert.Subscriptions;

/// <summary>
/// Read-only lists of what a subscription may name, for a client to build pickers: <c>GET /api/vocabulary/topics</c>
/// (id, name, description), <c>/countries</c>, <c>/organisations</c>, <c>/cameo</c> (code and name), <c>/quads</c>,
/// <c>/languages</c>; <c>?q=</c> filters by id or name. Analysts only, like the subscriptions they serve.
/// </summary>
public static class VocabularyEndpoints
{
    public static IEndpointRouteBuilder MapVocabularyEndpoints(this IEndpointRouteBuilder app)
    {
        var vocabulary = app.MapGroup("/api/vocabulary").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Vocabulary");
        vocabulary.MapGet("/", (SubscriptionVocabulary v) => Results.Ok(new
        {
            topics = v.Topics.Count, countries = v.Countries.Count, organisations = v.Organisations.Count, cameo = v.Cameo.Count, quads = v.Quads.Count,
            languages = v.Languages.Count,
        }));
        vocabulary.MapGet("/{list}", (string list, string? q, SubscriptionVocabulary v) => List(list, q, v));
        return app;
    }

    private static IResult List(string list, string? q, SubscriptionVocabulary vocabulary)
    {
        IReadOnlyList<VocabularyEntry>? entries = list.ToLowerInvariant() switch
        {
            "topics" => vocabulary.Topics,
            "countries" => vocabulary.Countries,
            "organisations" or "organizations" => vocabulary.Organisations,
            "cameo" => vocabulary.Cameo,
            "quads" => vocabulary.Quads,
            "languages" => vocabulary.Languages,
            _ => null,
        };
        if (entries is null)
        {
            return Results.Problem(
                title: "Unknown list", detail: $"'{list}' is not a list; use topics, countries, organisations, cameo, quads or languages.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Ok(string.IsNullOrWhiteSpace(q)
            ? entries
            : entries.Where(e => e.Id.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || e.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList());
    }
}
