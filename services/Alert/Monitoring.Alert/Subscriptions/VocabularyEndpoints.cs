using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Paging;
using Monitoring.Storage.Paging;

namespace Monitoring.Alert.Subscriptions;

/// <summary>
/// Read-only lists of what a subscription may name, for a client to build pickers: <c>GET /api/vocabulary/topics</c>
/// (id, name, description), <c>/countries</c>, <c>/organisations</c>, <c>/cameo</c> (code and name), <c>/quads</c>,
/// <c>/languages</c>; <c>?q=</c> filters by id or name, <c>?limit=&amp;after=</c> pages (<c>Link: rel="next"</c>); <c>GET /api/vocabulary</c> gives the size of each list.
/// Analysts only, like the subscriptions they serve.
/// </summary>
public static class VocabularyEndpoints
{
    private const int MaxLimit = 5000;

    public static IEndpointRouteBuilder MapVocabularyEndpoints(this IEndpointRouteBuilder app)
    {
        var vocabulary = app.MapGroup("/api/vocabulary").RequireAuthorization(AlertExtensions.AnalystPolicy).WithTags("Vocabulary").ProducesProblems(401, 403, 429);
        vocabulary.MapGet("/", (SubscriptionVocabulary v) => Results.Ok(new
        {
            topics = v.Topics.Count, countries = v.Countries.Count, organisations = v.Organisations.Count, cameo = v.Cameo.Count, quads = v.Quads.Count,
            languages = v.Languages.Count,
        }));
        vocabulary.MapGet("/topics", (HttpContext http, string? q, int? limit, string? after, SubscriptionVocabulary v) => List(http, v.Topics, q, limit, after)).Produces<IReadOnlyList<VocabularyEntry>>();
        vocabulary.MapGet("/countries", (HttpContext http, string? q, int? limit, string? after, SubscriptionVocabulary v) => List(http, v.Countries, q, limit, after)).Produces<IReadOnlyList<VocabularyEntry>>();
        vocabulary.MapGet("/organisations", (HttpContext http, string? q, int? limit, string? after, SubscriptionVocabulary v) => List(http, v.Organisations, q, limit, after)).Produces<IReadOnlyList<VocabularyEntry>>();
        vocabulary.MapGet("/cameo", (HttpContext http, string? q, int? limit, string? after, SubscriptionVocabulary v) => List(http, v.Cameo, q, limit, after)).Produces<IReadOnlyList<VocabularyEntry>>();
        vocabulary.MapGet("/quads", (HttpContext http, string? q, int? limit, string? after, SubscriptionVocabulary v) => List(http, v.Quads, q, limit, after)).Produces<IReadOnlyList<VocabularyEntry>>();
        vocabulary.MapGet("/languages", (HttpContext http, string? q, int? limit, string? after, SubscriptionVocabulary v) => List(http, v.Languages, q, limit, after)).Produces<IReadOnlyList<VocabularyEntry>>();
        return app;
    }

    /// <summary>The entries matching <paramref name="q"/>, in the vocabulary's order, a page at a time (default: all of the largest list at once).</summary>
    private static Task<IResult> List(HttpContext http, IReadOnlyList<VocabularyEntry> entries, string? q, int? limit, string? after)
    {
        var matching = string.IsNullOrWhiteSpace(q)
            ? entries
            : entries.Where(e => e.Id.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || e.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return PagedList.ReadAsync(http, limit, after, MaxLimit, MaxLimit, page => Task.FromResult(Page.InOrder(matching, page, e => e.Id)));
    }
}
