using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>401 as problem details: no key, or a key nobody has.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteProblemAsync(
        StatusCodes.Status401Unauthorized,
        Request.Headers.ContainsKey(ApiKeys.Header) ? "Unknown API key" : "API key required",
        Request.Headers.ContainsKey(ApiKeys.Header)
            ? $"No analyst has the key sent in {ApiKeys.Header}; ask an administrator for yours."
            : $"Send your analyst API key in the {ApiKeys.Header} header.");

    /// <summary>403 as problem details: a valid key of the wrong kind (an analyst calling an admin endpoint, the admin key calling an analyst's).</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteProblemAsync(
        StatusCodes.Status403Forbidden,
        "Not allowed with this key",
        Context.User.IsInRole(AdminRole)
            ? "The admin key creates analysts; use an analyst's key for alerts, subscriptions and vocabulary."
            : "This endpoint needs the admin key (Alert:AdminApiKey).");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = { Status = status, Title = title, Detail = detail } });
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
