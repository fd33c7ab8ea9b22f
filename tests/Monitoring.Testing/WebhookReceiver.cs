using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;

namespace Monitoring.Testing;

/// <summary>A real HTTP listener on loopback that records every webhook call and answers with <see cref="StatusCode"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        Url = new Uri(new Uri(app.Urls.First()), "/hook");
    }

    public Uri Url { get; }
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public int StatusCode { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>Runs after each webhook is recorded, before the answer goes back.</summary>
    public Action? OnReceived { get; set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            receiver!.Received.Enqueue(new ReceivedWebhook(body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            receiver.OnReceived?.Invoke();
            return Results.StatusCode(receiver.StatusCode);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver = new WebhookReceiver(app);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The W3C trace id the sender propagated, if any.</summary>
    public string? TraceId => Headers.TryGetValue("traceparent", out var traceparent) ? traceparent.Split('-')[1] : null;
}
