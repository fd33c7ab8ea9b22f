using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Classify.Coding;
using Monitoring.ServiceDefaults.Http;
using Monitoring.ServiceDefaults.Paging;

namespace Monitoring.Classify.Http;

/// <summary>
/// CAMEO events: the list (<c>/api/events/coded</c>), the series per day and quad class behind the events chart
/// (<c>/api/events/daily</c>) and the selection as CSV with GDELT's field names (<c>/api/events/export</c>). All
/// take the same filters: <c>root</c>, <c>code</c>, <c>country</c> (either side), <c>pair</c> (either direction),
/// <c>quad</c>, <c>story</c>, <c>since</c> (inclusive), <c>until</c> (exclusive) and <c>bbox</c>
/// (<c>west,south,east,north</c> in degrees, as GeoJSON orders a box: the events placed inside it).
/// </summary>
public static class CodedEventEndpoints
{
    private const int MaxLimit = 500;
    private const int MaxExportRows = 10_000;

    /// <summary><c>GET /api/events/coded?root=04&amp;country=CHN&amp;pair=CHN-RUS&amp;quad=1&amp;code=03&amp;story=…&amp;since=…&amp;until=…&amp;limit=…&amp;after=…</c>, newest first, one page at a time.</summary>
    public static IEndpointRouteBuilder MapCodedEventEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/coded", ListAsync).Produces<IReadOnlyList<CodedEventDocument>>().ProducesProblems(400, 422);
        events.MapGet("/daily", DailyAsync).Produces<IReadOnlyList<DailyEventCount>>().ProducesProblems(400, 422);
        events.MapGet("/export", ExportAsync).Produces<string>(contentType: "text/csv").ProducesProblems(400, 422);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ICodedEventStore store, [AsParameters] CodedEventFilter filter, string? after, CancellationToken cancellationToken)
    {
        var (query, errors) = filter.ToQuery(MaxLimit, 50);
        if (errors is not null) return Invalid(errors);
        return await PagedList.ReadAsync(http, filter.Limit, after, 50, MaxLimit, async page =>
        {
            var listed = await store.ListAsync(query! with { Limit = page.Limit, After = page.After }, cancellationToken);
            var stories = await store.ListByStoriesAsync(listed.Items.Select(e => e.StoryId).Distinct().ToList(), cancellationToken);
            return listed with { Items = CodedEvents.WithStoryCounts(listed.Items, stories) };
        });
    }

    private static async Task<IResult> DailyAsync(ICodedEventStore store, [AsParameters] CodedEventFilter filter, CancellationToken cancellationToken)
    {
        var (query, errors) = filter.ToQuery(MaxLimit, 50);
        if (errors is not null) return Invalid(errors);
        return Results.Ok(await store.CountByDayAsync(query!, cancellationToken));
    }

    /// <summary>At most <see cref="MaxExportRows"/> events, newest first, one line each; <c>limit</c> lowers it.</summary>
    private static async Task<IResult> ExportAsync(ICodedEventStore store, [AsParameters] CodedEventFilter filter, CancellationToken cancellationToken)
    {
        var (query, errors) = filter.ToQuery(MaxExportRows, MaxExportRows);
        if (errors is not null) return Invalid(errors);
        var listed = (await store.ListAsync(query!, cancellationToken)).Items;
        var stories = await store.ListByStoriesAsync(listed.Select(e => e.StoryId).Distinct().ToList(), cancellationToken);
        var csv = GdeltCsv.Write(CodedEvents.WithStoryCounts(listed, stories));
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"events-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "Invalid coded-event query");
}

/// <summary>The query string every events endpoint takes, checked once.</summary>
public sealed record CodedEventFilter(
    string? Root, string? Code, string? Country, string? Pair, int? Quad, string? Story, DateTimeOffset? Since, DateTimeOffset? Until, int? Limit, string? Bbox = null)
{
    public (CodedEventQuery? Query, Dictionary<string, string[]>? Errors) ToQuery(int maxLimit, int defaultLimit)
    {
        var errors = new Dictionary<string, string[]>();
        if (Limit is < 1 || Limit > maxLimit) errors["limit"] = [$"limit must be between 1 and {maxLimit}."];
        if (Root is not null && (Root.Length != 2 || !Root.All(char.IsAsciiDigit) || int.Parse(Root, CultureInfo.InvariantCulture) is < 1 or > 20))
        {
            errors["root"] = ["root must be a CAMEO root code, 01 to 20."];
        }

        if (Code is not null && (Code.Length is < 2 or > 4 || !Code.All(char.IsAsciiDigit))) errors["code"] = ["code must be 2 to 4 digits, a CAMEO code or its prefix."];
        if (Quad is < 1 or > 4) errors["quad"] = ["quad must be 1 (verbal cooperation) to 4 (material conflict)."];
        if (Country is not null && !IsCountry(Country)) errors["country"] = ["country must be an ISO 3166-1 alpha-3 code."];
        if (Since is not null && Until is not null && Until <= Since) errors["until"] = ["until must be later than since."];
        (string, string)? countries = null;
        if (Pair is not null)
        {
            var parts = Pair.Split('-', ',');
            if (parts.Length != 2 || !IsCountry(parts[0]) || !IsCountry(parts[1])) errors["pair"] = ["pair must be two ISO-3 codes, e.g. CHN-RUS."];
            else countries = (parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant());
        }

        var box = Bbox is null ? null : ParseBox(Bbox);
        if (Bbox is not null && box is null) errors["bbox"] = ["bbox must be west,south,east,north in degrees (longitudes -180 to 180, latitudes -90 to 90, south below north), e.g. 35.5,49.5,37,50.5."];
        if (errors.Count > 0) return (null, errors);

        // Dates are compared as stored: UTC.
        return (new CodedEventQuery(
            Root, Code, Country?.ToUpperInvariant(), countries, Quad, Since?.ToUniversalTime(), Limit ?? defaultLimit, Until?.ToUniversalTime(),
            string.IsNullOrWhiteSpace(Story) ? null : Story.Trim(), Box: box), null);
    }

    private static GeoBox? ParseBox(string text)
    {
        var parts = text.Split(',');
        var values = new double[4];
        if (parts.Length != 4) return null;
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i])) return null;
        }

        var box = new GeoBox(values[0], values[1], values[2], values[3]);
        var valid = box.West is >= -180 and <= 180 && box.East is >= -180 and <= 180 && box.South is >= -90 and <= 90 && box.North is >= -90 and <= 90 && box.South <= box.North;
        return valid ? box : null;
    }

    private static bool IsCountry(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);
}
