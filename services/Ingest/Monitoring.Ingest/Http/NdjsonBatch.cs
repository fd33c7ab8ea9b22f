using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitoring.Ingest.Extraction;
using Monitoring.Ingest.Sources;
using Monitoring.ServiceDefaults.Messaging;

namespace Monitoring.Ingest.Http;

/// <summary>One article result of a batch; <c>line</c> is 1-based, as editors count.</summary>
public sealed record BatchLineResult(int Line, string Status, string? ArticleId = null, string? StoryId = null, int? OutletCount = null, string? Error = null);

public sealed record BatchResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchLineResult> Results);

/// <summary>
/// <c>application/x-ndjson</c>: one JSON article per line, each ingested on its own, so a bad line is reported with
/// its number and costs nothing to the others. Blank lines are skipped.
/// </summary>
internal static class NdjsonBatch
{
    public const string MediaType = "application/x-ndjson";

    /// <summary>The status of a line not taken because the broker was away: send it again later.</summary>
    public const string Unavailable = "unavailable";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> SubmitAsync(
        HttpRequest request, ArticleIngestor ingestor, ChannelActivity activity, IngestOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxBatchBytes) return ArticleEndpoints.TooLarge(options.MaxBatchBytes);
        var body = await ArticleEndpoints.ReadLimitedAsync(request.Body, options.MaxBatchBytes, cancellationToken);
        if (body is null) return ArticleEndpoints.TooLarge(options.MaxBatchBytes);

        var lines = Encoding.UTF8.GetString(body).Split('\n');
        var numbered = lines.Select((text, index) => (Number: index + 1, Text: text.TrimEnd('\r'))).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        if (numbered.Count == 0) return ArticleEndpoints.Problem(StatusCodes.Status422UnprocessableEntity, "Empty batch", "The body holds no article lines.");
        if (numbered.Count > options.MaxBatchLines)
        {
            return ArticleEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"{numbered.Count} articles; at most {options.MaxBatchLines} per batch.");
        }

        var results = new List<BatchLineResult>(numbered.Count);
        foreach (var (number, text) in numbered)
        {
            var result = await IngestLineAsync(number, text, ingestor, options, cancellationToken);
            if (result.Error is { } error) activity.Rejected(ChannelActivity.Batch, $"line {number}: {error}");
            else activity.Ingested(ChannelActivity.Batch, result.Status == "duplicate");
            results.Add(result);
        }

        // Lines refused because the broker is away can be sent again as they are; with nothing taken, the whole batch is 503.
        if (results.Any(r => r.Status == Unavailable))
        {
            if (results.All(r => r.Status is Unavailable or "rejected")) return ArticleEndpoints.Unavailable(request.HttpContext, new BrokerUnavailableException());
            request.HttpContext.Response.Headers.RetryAfter = ((int)BrokerAvailability.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Ok(new BatchResult(
            results.Count(r => r.Status == "accepted"),
            results.Count(r => r.Status == "duplicate"),
            results.Count(r => r.Status == "rejected"),
            results));
    }

    private static async Task<BatchLineResult> IngestLineAsync(int line, string text, ArticleIngestor ingestor, IngestOptions options, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetByteCount(text) > options.MaxBodyBytes) return Rejected(line, $"The line exceeds the limit of {options.MaxBodyBytes} bytes.");

        ArticleSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<ArticleSubmission>(text, Json);
        }
        catch (JsonException exception)
        {
            return Rejected(line, $"Malformed JSON: {exception.Message}");
        }

        if (submission is null) return Rejected(line, "The line is JSON null.");
        if (ArticleEndpoints.ValidationError(submission) is { } invalid) return Rejected(line, $"{invalid.Title}: {invalid.Detail}");

        try
        {
            var result = await ingestor.IngestAsync(submission, cancellationToken);
            return new BatchLineResult(line, result.Duplicate ? "duplicate" : "accepted", result.ArticleId, result.StoryId, result.OutletCount);
        }
        catch (NotAnArticleException exception)
        {
            return Rejected(line, exception.Message);
        }
        catch (BrokerUnavailableException exception)
        {
            return new BatchLineResult(line, Unavailable, Error: exception.Message);
        }
    }

    private static BatchLineResult Rejected(int line, string error) => new(line, "rejected", Error: error);
}
