using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.Alert.Analysts;

/// <summary>Authenticates the <c>X-Api-Key</c> header: the configured admin key, or an analyst's key by its hash.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAnalystStore analysts,
    IOptions<AlertOptions> alertOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AnalystIdClaim = "analyst_id";
    public const string AdminRole = "admin";
    public const string AnalystRole = "analyst";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values) || values.ToString() is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (alertOptions.Value.AdminApiKey is { Length: > 0 } adminKey
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(adminKey)))
        {
            return Success(new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AdminRole));
        }

        var analyst = await analysts.FindByKeyHashAsync(ApiKeys.Hash(key), Context.RequestAborted);
        return analyst is null
            ? AuthenticateResult.Fail("Unknown API key.")
            : Success(new Claim(ClaimTypes.Name, analyst.Name), new Claim(AnalystIdClaim, analyst.AnalystId), new Claim(ClaimTypes.Role, AnalystRole));
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}

public static class AnalystClaims
{
    /// <summary>The calling analyst's id; every query an analyst makes is scoped by it.</summary>
    public static string AnalystId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.AnalystIdClaim) ?? throw new InvalidOperationException("Not an analyst.");
}
