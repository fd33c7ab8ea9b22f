using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alert.Analysts;
using Monitoring.Monitor;
using Monitoring.Monitor.Demo;

namespace Monitoring.Monitor.Tests.Commands;

/// <summary>
/// The README's own mode: the one-process host allows its demo webhook and nothing else on this machine, for the
/// webhook client only. Fetch-by-URL and subscriptions refuse every spelling of this machine.
/// </summary>
public sealed class MonitorRunSafetyTests : IAsyncLifetime
{
    private const string AnalystKey = "safety-analyst-key";
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ThisMachine =>
    [
        "http://127.0.0.1:{port}/", "http://127.0.0.1:{port}/api/events", "http://127.0.0.1:{port}/demo/webhook",
        "http://localhost:{port}/api/events", "http://127.1:{port}/api/events", "http://2130706433:{port}/api/events",
        "http://0x7f.0.0.1:{port}/api/events", "http://0177.0.0.1:{port}/api/events", "http://0x7f000001:{port}/api/events",
        "http://[::1]:{port}/api/events", "http://[::ffff:127.0.0.1]:{port}/api/events", "http://[::ffff:7f00:1]:{port}/api/events",
        "http://[0:0:0:0:0:0:0:1]:{port}/api/events", "http://0.0.0.0:{port}/api/events", "http://169.254.169.254/latest/meta-data/",
    ];

    public async ValueTask InitializeAsync()
    {
        var data = new FileInfo(Path.Combine(Path.GetTempPath(), "monitoring-tests", $"monitor-safety-{Guid.NewGuid():N}.db"));
        _app = MonitorHost.Build(new MonitorRunOptions(new DirectoryInfo(RepositoryPaths.Combine("seeds")), "http://127.0.0.1:0", data, Once: true), TextWriter.Null);
        await _app.StartAsync(Ct);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnalystRegistry>().CreateAsync("Safety analyst", AnalystKey, Ct);
        }

        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _http.DefaultRequestHeaders.Add(ApiKeys.Header, AnalystKey);
    }

    [Theory]
    [MemberData(nameof(ThisMachine))]
    public async Task Fetch_by_url_refuses_this_machine_in_every_spelling(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/fetch")
        {
            Content = JsonContent.Create(new { url = WithPort(url) }),
            Headers = { { ApiKeys.Header, MonitorHost.DemoWriteKey } },
        };
        using var response = await _http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("URL refused", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ThisMachine))]
    public async Task A_webhook_on_this_machine_other_than_the_demo_webhook_is_refused(string url)
    {
        if (url.EndsWith(DemoWebhook.Path, StringComparison.Ordinal)) url = url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        using var response = await _http.PostAsJsonAsync("/api/subscriptions", new { name = "probe", topics = new[] { "diplomacy" }, webhookUrl = WithPort(url) }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_webhook_itself_is_accepted()
    {
        using var response = await _http.PostAsJsonAsync("/api/subscriptions", new
        {
            name = "demo", topics = new[] { "diplomacy" }, webhookUrl = WithPort("http://127.0.0.1:{port}" + DemoWebhook.Path),
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_analysts_key_reads_events_but_cannot_post_articles_and_the_demo_write_key_can()
    {
        using var events = await _http.GetAsync("/api/events", Ct);
        using var asAnalyst = await _http.PostAsync("/api/articles", new StringContent("Ministers met in Geneva for talks on a ceasefire.", System.Text.Encoding.UTF8, "text/plain"), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent("Ministers met in Geneva for talks on a ceasefire.", System.Text.Encoding.UTF8, "text/plain"),
            Headers = { { ApiKeys.Header, MonitorHost.DemoWriteKey } },
        };
        using var asWriter = await _http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, asWriter.StatusCode);
    }

    private string WithPort(string url) => url.Replace("{port}", _http.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
