using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Alert;
using Monitoring.Alert.Delivery;
using Monitoring.Alert.Subscriptions;
using Monitoring.ServiceDefaults;

namespace Monitoring.Alert.Tests.Subscriptions;

/// <summary>Signing secrets are stored encrypted with the configured key; channels this service cannot send are refused when saved.</summary>
public sealed class SubscriptionSecretsAndTransportsTests : IAsyncLifetime
{
    private const string AdminKey = "secrets-admin";
    private ServiceHost _alert = null!;
    private AlertClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.InMemory("secrets");
        settings["Alert:AdminApiKey"] = AdminKey;
        _alert = await ServiceHost.AlertAsync(settings);
        _client = new AlertClient(_alert, AdminKey);
    }

    public ValueTask DisposeAsync() => _alert.DisposeAsync();

    [Fact]
    public async Task The_store_holds_the_signing_secret_encrypted_and_delivery_reads_it_back()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");
        var created = await AlertClient.SubscribeAsync(analyst, new { name = "Diplomacy", query = "topic:diplomacy", webhookUrl = "https://hooks.example/diplomacy" });
        var shown = created.GetProperty("signingSecret").GetString()!;

        var stored = (await _alert.Services.GetRequiredService<ISubscriptionStore>().FindAsync(created.GetProperty("subscriptionId").GetString()!, Ct))!.SigningSecret!;

        Assert.StartsWith("enc1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(shown["whsec_".Length..], stored, StringComparison.Ordinal);
        Assert.Equal(shown, _alert.Services.GetRequiredService<SigningSecrets>().Unprotect(stored));
    }

    [Fact]
    public void Each_encryption_differs_and_another_key_cannot_read_it()
    {
        var secrets = Secrets("one-key-of-at-least-thirty-two-characters");

        var first = secrets.Protect("whsec_abc");
        var second = secrets.Protect("whsec_abc");

        Assert.NotEqual(first, second);
        Assert.Equal("whsec_abc", secrets.Unprotect(second));
        Assert.Equal("whsec_legacy", secrets.Unprotect("whsec_legacy"));
        Assert.ThrowsAny<CryptographicException>(() => Secrets("another-key-of-at-least-thirty-two-chars").Unprotect(first));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void Without_a_key_of_32_characters_the_service_does_not_start(string? key)
    {
        var refused = Assert.Throws<InvalidSettingException>(() => SigningSecrets.KeyFrom(key));

        Assert.Equal("Alert:SecretKey", refused.Key);
    }

    [Fact]
    public async Task An_email_channel_without_an_smtp_server_is_refused_at_save_with_422()
    {
        var (analyst, _) = await _client.CreateAnalystAsync("A");

        using var response = await analyst.PostAsJsonAsync("/api/subscriptions", new
        {
            name = "By mail", query = "topic:diplomacy", channels = new[] { new { type = "email", target = "ana@example.org" } },
        }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("Alert:Smtp:Host", problem.GetProperty("errors").GetProperty("channels")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await analyst.GetFromJsonAsync<List<JsonElement>>("/api/subscriptions", Ct) ?? []);
    }

    private static SigningSecrets Secrets(string key) => new(Options.Create(new AlertOptions { SecretKey = key }));
}
