using Microsoft.Playwright;

namespace Monitoring.Browser.Tests;

/// <summary>One test's desk: Chromium, the one-process host, an analyst with a key, and a page at the host's address.</summary>
public sealed class DeskSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DeskSession(IPlaywright playwright, IBrowser browser, DeskHost host, IPage page, string key)
    {
        (_playwright, _browser, Host, Page, Key) = (playwright, browser, host, page, key);
        Analyst = host.Client(key);
    }

    public DeskHost Host { get; }
    public IPage Page { get; }
    public string Key { get; }
    public HttpClient Analyst { get; }

    /// <summary>Skips the test (with the reason) when Chromium is not installed.</summary>
    public static async Task<DeskSession> StartAsync(string name)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        var host = await DeskHost.StartAsync(name);
        var key = await host.CreateAnalystAsync("Ana");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // Expectations wait as long as actions do: a page on a machine running the whole suite may take more than Playwright's 5 s default to appear.
        Assertions.SetDefaultExpectTimeout(30_000);
        return new DeskSession(playwright, browser, host, page, key);
    }

    public async ValueTask DisposeAsync()
    {
        Analyst.Dispose();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }
}
