using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Monitoring.Monitor.Bench;

/// <summary>The analyst's end of the pipeline: a webhook that marks each delivered alert's article.</summary>
public static class BenchWebhook
{
    public const string Path = "/bench/webhook";

    public static IEndpointRouteBuilder MapBenchWebhook(this IEndpointRouteBuilder app, StageClock clock)
    {
        app.MapPost(Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (payload.RootElement.TryGetProperty("articleId", out var articleId) && articleId.GetString() is { } id) clock.Passed(Stage.Delivered, id);
            return Results.NoContent();
        });
        return app;
    }
}
