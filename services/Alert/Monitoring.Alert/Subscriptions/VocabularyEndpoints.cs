using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Monitoring.Alert.Subscriptions;

/// <summary>
/// Read-only lists of what a subscription may name, for a client to build pickers: <c>GET /api/vocabulary/topics</c>
/// (id, name, description), <c>/countries</c>, <c>/organisations</c>, <c>/cameo</c> (code and name), <c>/quads</c>,
/// <c>/languages</c>; <c>?q=</c> filters by id or name; <c>GET /api/vocabulary</c> gives the size of each list.
/// Analysts only, like the subscriptions they serve.
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
        vocabulary.MapGet("/topics", (string? q, SubscriptionVocabulary v) => List(v.Topics, q));
        vocabulary.MapGet("/countries", (string? q, SubscriptionVocabulary v) => List(v.Countries, q));
        vocabulary.MapGet("/organisations", (string? q, SubscriptionVocabulary v) => List(v.Organisations, q));
        vocabulary.MapGet("/cameo", (string? q, SubscriptionVocabulary v) => List(v.Cameo, q));
        vocabulary.MapGet("/quads", (string? q, SubscriptionVocabulary v) => List(v.Quads, q));
        vocabulary.MapGet("/languages", (string? q, SubscriptionVocabulary v) => List(v.Languages, q));
        return app;
    }

    private static IResult List(IReadOnlyList<VocabularyEntry> entries, string? q) =>
        Results.Ok(string.IsNullOrWhiteSpace(q)
            ? entries
            : entries.Where(e => e.Id.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || e.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList());
}
