using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingest.Http;

/// <summary>
/// Admits requests carrying <c>Ingest:AdminApiKey</c> in <c>X-Api-Key</c>. An endpoint filter rather than an
/// authentication scheme, so the one-process host, where the alert service owns authentication, needs nothing more.
/// </summary>
public sealed class AdminApiKeyFilter : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = context.HttpContext.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value.AdminApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            return Results.Problem(title: "Administration disabled", detail: "Set Ingest:AdminApiKey to manage sources.", statusCode: StatusCodes.Status403Forbidden);
        }

        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
        {
            return Results.Problem(title: "Admin key required", detail: $"Send the admin key in {Header}.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
