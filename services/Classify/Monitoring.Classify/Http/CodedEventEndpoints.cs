using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Classify.Coding;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Classify.Http;

public static class CodedEventEndpoints
{
    private const int MaxLimit = 500;

    /// <summary><c>GET /api/events/coded?root=04&amp;country=CHN&amp;pair=CHN-RUS&amp;quad=1&amp;code=03&amp;since=…&amp;limit=…&amp;after=…</c>, newest first, one page at a time.</summary>
    public static IEndpointRouteBuilder MapCodedEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/coded", ListAsync).WithTags("Events");
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ICodedEventStore store, string? root, string? code, string? country, string? pair, int? quad,
        DateTimeOffset? since, int? limit, string? after, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (root is not null && (root.Length != 2 || !root.All(char.IsAsciiDigit) || int.Parse(root, CultureInfo.InvariantCulture) is < 1 or > 20))
        {
            errors["root"] = ["root must be a CAMEO root code, 01 to 20."];
        }

        if (code is not null && (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))) errors["code"] = ["code must be 2 to 4 digits, a CAMEO code or its prefix."];
        if (quad is < 1 or > 4) errors["quad"] = ["quad must be 1 (verbal cooperation) to 4 (material conflict)."];
        if (country is not null && !IsCountry(country)) errors["country"] = ["country must be an ISO 3166-1 alpha-3 code."];
        (string, string)? countries = null;
        if (pair is not null)
        {
            var parts = pair.Split('-', ',');
            if (parts.Length != 2 || !IsCountry(parts[0]) || !IsCountry(parts[1])) errors["pair"] = ["pair must be two ISO-3 codes, e.g. CHN-RUS."];
            else countries = (parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant());
        }

        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid coded-event query");

        return await PagedList.ReadAsync(http, limit, after, 50, MaxLimit, async page =>
        {
            var listed = await store.ListAsync(
                new CodedEventQuery(root, code, country?.ToUpperInvariant(), countries, quad, since, page.Limit, page.After), cancellationToken);
            var stories = await store.ListByStoriesAsync(listed.Items.Select(e => e.StoryId).Distinct().ToList(), cancellationToken);
            return listed with { Items = CodedEvents.WithStoryCounts(listed.Items, stories) };
        });
    }

    private static bool IsCountry(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);
}
