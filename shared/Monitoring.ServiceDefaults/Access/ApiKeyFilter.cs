using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.ServiceDefaults.Access;

/// <summary>
/// Admits a request whose <c>X-Api-Key</c> may do what its method asks: reading (GET, HEAD) with a read or write key,
/// anything else with a write key. 401 without a known key, 403 with a read key on a write. An endpoint filter, not an
/// authentication scheme, so the one-process host, where the alert service owns authentication, composes without clashes.
/// </summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var needed = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? ApiKeyRole.Read : ApiKeyRole.Write;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return Results.Problem(title: "API key required", detail: Advice(http, needed), statusCode: StatusCodes.Status401Unauthorized);
        }

        ApiKeyRole? role = null;
        // The configured keys are checked first and in memory; a write key is the most a key can be, so the analysts'
        // store (one query in the one-process host) is asked only for a key that is not one.
        foreach (var check in http.RequestServices.GetServices<IApiKeyCheck>())
        {
            if (await check.FindAsync(key, http.RequestAborted) is { } found && (role is null || found > role)) role = found;
            if (role == ApiKeyRole.Write) break;
        }

        if (role is null) return Results.Problem(title: "Unknown API key", detail: Advice(http, needed), statusCode: StatusCodes.Status401Unauthorized);
        if (role < needed)
        {
            return Results.Problem(title: "Read-only key", detail: "This key may read; posting needs a write key (Access:WriteKeys).", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private static string Advice(HttpContext http, ApiKeyRole needed)
    {
        var configured = http.RequestServices.GetRequiredService<ConfiguredApiKeys>();
        return needed == ApiKeyRole.Write && !configured.HasWriteKey
            ? $"Send a write key in {Header}. None is configured on this service: set Access__WriteKeys__0."
            : $"Send a {(needed == ApiKeyRole.Write ? "write key (Access:WriteKeys)" : "read or write key (Access:ReadKeys, Access:WriteKeys)")} in {Header}.";
    }
}
