using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Alert.Delivery;

namespace Monitoring.Monitor.Demo;

/// <summary>A webhook receiver inside the demo host, so the run shows an alert travelling all the way to a delivery.</summary>
public static class DemoWebhook
{
    public const string Path = "/demo/webhook";

    public static IEndpointRouteBuilder MapDemoWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpRequest request, DemoConsole console, CancellationToken cancellationToken) =>
        {
            var payload = await JsonSerializer.DeserializeAsync<WebhookPayload>(request.Body, JsonSerializerOptions.Web, cancellationToken);
            console.Write("webhook", $"received alert {DemoConsole.ShortId(payload?.AlertId ?? "?")} (traceparent {request.Headers["traceparent"]})");
            return Results.NoContent();
        }).ExcludeFromDescription();
        return app;
    }
}
