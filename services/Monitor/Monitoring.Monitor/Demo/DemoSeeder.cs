using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Analysts;
using Monitoring.Alert.Subscriptions;

namespace Monitoring.Monitor.Demo;

/// <summary>Creates the demo analyst and subscriptions and posts every seed article, all through the public HTTP API.</summary>
public sealed class DemoSeeder(IServiceProvider services, Uri baseAddress, string writeKey, DemoConsole console) : IDisposable
{
    private static readonly string[] ArticleExtensions = [".txt", ".html", ".htm"];

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<DemoSeed?> CreateSubscriptionsAsync(DirectoryInfo seeds, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seeds.FullName, DemoSeed.FileName);
        if (!File.Exists(file)) return null;

        var seed = JsonSerializer.Deserialize<DemoSeed>(await File.ReadAllTextAsync(file, cancellationToken), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{file}: empty");
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnalystRegistry>().CreateAsync(seed.Analyst.Name, seed.Analyst.ApiKey, cancellationToken);
        }

        _http.DefaultRequestHeaders.Remove(ApiKeys.Header);
        _http.DefaultRequestHeaders.Add(ApiKeys.Header, seed.Analyst.ApiKey);
        var existing = await _http.GetFromJsonAsync<List<Subscription>>("/api/subscriptions", cancellationToken) ?? [];
        foreach (var request in seed.Subscriptions)
        {
            if (existing.Any(s => s.Name == request.Name)) continue;
            var self = baseAddress.ToString().TrimEnd('/');
            var response = await _http.PostAsJsonAsync("/api/subscriptions", request with
            {
                WebhookUrl = request.WebhookUrl?.Replace(DemoSeed.SelfPlaceholder, self, StringComparison.Ordinal),
                Channels = request.Channels?.Select(c => c with { Target = c.Target.Replace(DemoSeed.SelfPlaceholder, self, StringComparison.Ordinal) }).ToList(),
            }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        foreach (var subscription in await _http.GetFromJsonAsync<List<Subscription>>("/api/subscriptions", cancellationToken) ?? [])
        {
            var criteria = string.Join("; ", new[]
            {
                subscription.Query is null ? null : "query " + subscription.Query,
                subscription.Topics.Count > 0 ? "topics " + string.Join('|', subscription.Topics) : null,
                subscription.Countries.Count > 0 ? "countries " + string.Join('|', subscription.Countries) : null,
                subscription.Keywords.Count > 0 ? "keywords " + string.Join('|', subscription.Keywords) : null,
            }.Where(c => c is not null));
            console.Write("subscr.", $"\"{subscription.Name}\": {criteria}{(subscription.Channels.Count == 0 ? "" : " → " + string.Join(", ", subscription.Channels.Select(c => c.Type.ToString().ToLowerInvariant())))}");
        }

        return seed;
    }

    /// <summary>Posts each seed article; returns how many were new.</summary>
    public async Task<int> IngestArticlesAsync(DirectoryInfo seeds, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var file in seeds.EnumerateFiles().Where(f => ArticleExtensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase)).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var mediaType = file.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain" : "text/html";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles?source=seeds")
            {
                Content = new StringContent(await File.ReadAllTextAsync(file.FullName, cancellationToken), System.Text.Encoding.UTF8, mediaType),
                Headers = { { ApiKeys.Header, writeKey } },
            };
            using var response = await _http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                console.Write("ingest", $"{file.Name} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                continue;
            }

            var result = await response.Content.ReadFromJsonAsync<IngestResponse>(cancellationToken);
            console.Write("ingest", $"{file.Name} → article {DemoConsole.ShortId(result!.ArticleId)}{(result.Duplicate ? " (already ingested: nothing new to classify)" : "")}");
            if (!result.Duplicate) added++;
        }

        return added;
    }

    public void Dispose() => _http.Dispose();

    private sealed record IngestResponse(string ArticleId, string StoryId, bool Duplicate);
}
