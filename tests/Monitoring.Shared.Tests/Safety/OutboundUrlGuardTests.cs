using System.Net;
using Monitoring.ServiceDefaults.Safety;

namespace Monitoring.Shared.Tests.Safety;

/// <summary>The SSRF guard: every payload is refused before any connection; allowed hosts work; redirects are re-checked.</summary>
public sealed class OutboundUrlGuardTests : IAsyncLifetime
{
    private readonly FakeResolver _resolver = new();
    private LoopbackServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.MapContent("/ok", "text/plain", "fine"u8.ToArray());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("http://127.0.0.1/", "127.0.0.1")]
    [InlineData("http://127.1/", "127.0.0.1")]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0x7f000001/", "127.0.0.1")]
    [InlineData("http://0x7f.0.0.1/", "127.0.0.1")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1")]
    [InlineData("http://017700000001/", "127.0.0.1")]
    [InlineData("http://[::ffff:127.0.0.1]/", "127.0.0.1")]
    [InlineData("http://[::ffff:7f00:1]/", "127.0.0.1")]
    [InlineData("http://[::127.0.0.1]/", "127.0.0.1")]
    [InlineData("http://[::1]/", "::1")]
    [InlineData("http://[::]/", "::")]
    [InlineData("http://0.0.0.0/", "0.0.0.0")]
    [InlineData("http://0/", "0.0.0.0")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://2852039166/", "169.254.169.254")]
    [InlineData("http://[::ffff:169.254.169.254]/", "169.254.169.254")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "a9fe:a9fe")]
    [InlineData("http://[2002:7f00:1::]/", "2002:7f00:1::")]
    [InlineData("http://10.0.0.1/", "10.0.0.1")]
    [InlineData("http://172.16.5.4/", "172.16.5.4")]
    [InlineData("http://172.31.255.255/", "172.31.255.255")]
    [InlineData("http://192.168.1.1:8080/", "192.168.1.1")]
    [InlineData("http://100.64.0.1/", "100.64.0.1")]
    [InlineData("http://[fe80::1]/", "fe80::1")]
    [InlineData("http://[fc00::1]/", "fc00::1")]
    [InlineData("http://[fd12:3456::1]/", "fd12:3456::1")]
    [InlineData("http://224.0.0.1/", "224.0.0.1")]
    [InlineData("http://[ff02::1]/", "ff02::1")]
    [InlineData("https://255.255.255.255/", "255.255.255.255")]
    public async Task Private_and_special_addresses_are_refused_in_every_spelling(string url, string address)
    {
        using var client = new GuardedClient(_resolver);

        var refused = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Guard.CheckAsync(new Uri(url), Ct));

        Assert.Contains(address, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a public address", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_resolver.Lookups);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1:70/_GET")]
    [InlineData("ftp://news.example/feed.xml")]
    [InlineData("ws://news.example/")]
    public async Task Schemes_other_than_http_and_https_are_refused(string url)
    {
        using var client = new GuardedClient(_resolver);

        var refused = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Http.GetAsync(new Uri(url), Ct));

        Assert.Contains("only http and https", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_resolving_to_a_private_address_is_refused_and_any_private_answer_spoils_the_lot()
    {
        _resolver.Answer("intranet.example", ["10.1.2.3"]).Answer("mixed.example", ["93.184.216.34", "192.168.0.7"]);
        using var client = new GuardedClient(_resolver);

        var intranet = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Guard.CheckAsync(new Uri("https://intranet.example/rss"), Ct));
        var mixed = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Guard.CheckAsync(new Uri("https://mixed.example/rss"), Ct));

        Assert.Contains("10.1.2.3", intranet.Message, StringComparison.Ordinal);
        Assert.Contains("192.168.0.7", mixed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_resolving_to_public_addresses_passes_the_check()
    {
        _resolver.Answer("news.example", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]);
        using var client = new GuardedClient(_resolver);

        await client.Guard.CheckAsync(new Uri("https://news.example/world/rss.xml"), Ct);

        Assert.Equal(["news.example"], _resolver.Lookups);
    }

    [Fact]
    public async Task Loopback_is_refused_before_connecting_unless_allowed_in_configuration()
    {
        using (var guarded = new GuardedClient(_resolver))
        {
            await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => guarded.Http.GetAsync(_server.Url("/ok"), Ct));
            Assert.Empty(_server.Requests);
        }

        using var allowed = new GuardedClient(_resolver, new Dictionary<string, string?> { ["Safety:AllowedHosts:0"] = "127.0.0.0/8" });
        Assert.Equal("fine", await allowed.Http.GetStringAsync(_server.Url("/ok"), Ct));
    }

    [Fact]
    public async Task An_allowed_host_name_connects_to_the_address_the_guard_resolved()
    {
        _resolver.Answer("feeds.local", ["127.0.0.1"]);
        using var client = new GuardedClient(_resolver, new Dictionary<string, string?> { ["Safety:AllowedHosts:0"] = "feeds.local" });

        var body = await client.Http.GetStringAsync(new Uri($"http://feeds.local:{_server.BaseAddress.Port}/ok"), Ct);

        Assert.Equal("fine", body);
        Assert.Contains("feeds.local", _resolver.Lookups);
    }

    [Fact]
    public async Task Dns_rebinding_between_the_check_and_the_connection_is_refused_at_the_connection()
    {
        // Public for the check, loopback for the connection: only the checked connection path can stop this.
        _resolver.Answer("rebind.example", ["93.184.216.34"], ["127.0.0.1"]);
        using var client = new GuardedClient(_resolver);

        var failure = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.Http.GetAsync(new Uri($"http://rebind.example:{_server.BaseAddress.Port}/ok"), Ct));

        Assert.IsType<OutboundRequestRefusedException>(failure.InnerException);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/")]
    [InlineData("http://internal.example/admin")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("file:///etc/passwd")]
    public async Task A_redirect_to_a_refused_target_is_not_followed(string target)
    {
        _resolver.Answer("internal.example", ["10.0.0.5"]);
        _server.MapRedirect("/go", target);
        using var client = new GuardedClient(_resolver, new Dictionary<string, string?> { ["Safety:AllowedHosts:0"] = "127.0.0.1" });

        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Http.GetAsync(_server.Url("/go"), Ct));

        Assert.Equal(1, _server.Hits("/go"));
    }

    [Fact]
    public async Task Redirects_are_followed_within_the_limit_and_a_loop_is_refused()
    {
        _server.MapRedirect("/hop", "/ok");
        _server.MapRedirect("/loop", "/loop");
        using var client = new GuardedClient(_resolver, new Dictionary<string, string?>
        {
            ["Safety:AllowedHosts:0"] = "127.0.0.1",
            ["Safety:MaxRedirects"] = "3",
        });

        using var followed = await client.Http.GetAsync(_server.Url("/hop"), Ct);
        var loop = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Http.GetAsync(_server.Url("/loop"), Ct));

        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(_server.Url("/ok"), followed.RequestMessage!.RequestUri);
        Assert.Contains("more than 3 redirects", loop.Message, StringComparison.Ordinal);
        Assert.Equal(4, _server.Hits("/loop"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_size_limit_is_refused_whether_or_not_its_length_is_announced(bool announceLength)
    {
        var big = new byte[300_000];
        _server.Map("/big", async context =>
        {
            if (announceLength) context.Response.ContentLength = big.Length;
            await context.Response.Body.WriteAsync(big);
        });
        using var client = new GuardedClient(_resolver, new Dictionary<string, string?> { ["Safety:AllowedHosts:0"] = "127.0.0.1" });

        using var response = await client.Http.GetAsync(_server.Url("/big"), HttpCompletionOption.ResponseHeadersRead, Ct);

        await Assert.ThrowsAsync<OutboundResponseTooLargeException>(() => response.ReadLimitedAsync(100_000, Ct));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_given_up()
    {
        _server.Map("/slow", context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        using var client = new GuardedClient(_resolver, new Dictionary<string, string?>
        {
            ["Safety:AllowedHosts:0"] = "127.0.0.1",
            ["Safety:Timeout"] = "00:00:00.300",
        });

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.Http.GetAsync(_server.Url("/slow"), Ct));
    }

    public static TheoryData<string> UnusualSpellings =>
    [
        "http://127.1/ok", "http://2130706433/ok", "http://0x7f000001/ok", "http://0x7f.0.0.1/ok", "http://0177.0.0.1/ok",
        "http://017700000001/ok", "http://127.0.1/ok", "http://[::ffff:127.0.0.1]/ok", "http://[::ffff:7f00:1]/ok", "http://[::127.0.0.1]/ok",
    ];

    [Theory]
    [MemberData(nameof(UnusualSpellings))]
    public async Task Unusual_spellings_of_an_address_are_refused_even_where_the_address_itself_is_allowed(string url)
    {
        foreach (var (key, value) in new[] { ("Safety:AllowedHosts:0", "127.0.0.0/8"), ("Safety:AllowPrivateNetworks", "true") })
        {
            using var client = new GuardedClient(_resolver, new Dictionary<string, string?> { [key] = value });
            var spelled = url.Replace("/ok", $":{_server.BaseAddress.Port}/ok", StringComparison.Ordinal);

            var refused = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Http.GetAsync(new Uri(spelled), Ct));

            // [::127.0.0.1] is not IPv4-mapped, so 127.0.0.0/8 does not cover it: refused as not public before its spelling is looked at.
            Assert.True(refused.Message.Contains("unusual form", StringComparison.Ordinal) || (key.EndsWith("AllowedHosts:0", StringComparison.Ordinal) && refused.Message.Contains("not a public address", StringComparison.Ordinal)), refused.Message);
            Assert.Equal("fine", await client.Http.GetStringAsync(_server.Url("/ok"), Ct));
        }

        Assert.Equal(2, _server.Hits("/ok"));
    }

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://LOCALHOST./")]
    [InlineData("http://api.localhost/")]
    public async Task Names_of_this_machine_are_refused_without_a_lookup_unless_named_in_the_allow_list(string url)
    {
        using var byAddress = new GuardedClient(_resolver, new Dictionary<string, string?> { ["Safety:AllowedHosts:0"] = "127.0.0.0/8" });
        using var byName = new GuardedClient(_resolver, new Dictionary<string, string?> { ["Safety:AllowedHosts:0"] = new Uri(url).Host.TrimEnd('.') });
        _resolver.Answer(new Uri(url).Host.TrimEnd('.'), ["127.0.0.1"]);

        var refused = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => byAddress.Guard.CheckAsync(new Uri(url), Ct));
        await byName.Guard.CheckAsync(new Uri(url), Ct);

        Assert.Contains("is this machine", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_reaches_its_own_allowed_url_and_nothing_else_on_that_host()
    {
        _server.MapContent("/hook", "text/plain", "hooked"u8.ToArray());
        _server.MapRedirect("/hook-redirect", "/ok");
        var hook = _server.Url("/hook");
        using var client = new GuardedClient(_resolver, new Dictionary<string, string?>
        {
            ["Safety:Clients:test:AllowedUrls:0"] = hook.AbsoluteUri,
            ["Safety:Clients:test:AllowedUrls:1"] = _server.Url("/hook-redirect").AbsoluteUri,
            ["Safety:Clients:other:AllowedUrls:0"] = _server.Url("/ok").AbsoluteUri,
        });

        Assert.Equal("hooked", await client.Http.GetStringAsync(hook, Ct));
        Assert.Null(client.ClientGuard.RefusalWithoutLookup(hook));

        // Another path on the same host and port, a redirect to one, the shared guard and another client's URL: all refused.
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Http.GetAsync(_server.Url("/ok"), Ct));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Http.GetAsync(_server.Url("/hook-redirect"), Ct));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.Guard.CheckAsync(hook, Ct));
        Assert.NotNull(client.ClientGuard.RefusalWithoutLookup(new Uri(hook.AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal))));
        Assert.Equal(0, _server.Hits("/ok"));
        Assert.Equal(1, _server.Hits("/hook"));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("172.15.255.255", true)]
    [InlineData("100.100.100.200", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("2001:db8::1", false)]
    public void Address_classification_draws_the_range_boundaries_exactly(string address, bool isPublic) =>
        Assert.Equal(isPublic, IpAddressRanges.IsPublic(IPAddress.Parse(address)));
}
