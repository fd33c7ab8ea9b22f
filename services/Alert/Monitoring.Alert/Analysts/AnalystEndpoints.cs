using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.ServiceDefaults.Http;

namespace Monitoring.Alert.Analysts;

public sealed record CreateAnalystRequest(string? Name);

public sealed record CreatedAnalyst(string AnalystId, string Name, string ApiKey);

public static class AnalystEndpoints
{
    public static IEndpointRouteBuilder MapAnalystEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/analysts", CreateAsync).RequireAuthorization(AlertExtensions.AdminPolicy).WithTags("Analysts")
            .Produces<CreatedAnalyst>(StatusCodes.Status201Created).ProducesProblems(400, 401, 403, 415, 422, 429);
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateAnalystRequest request, AnalystRegistry registry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return Results.Problem(title: "Invalid name", detail: "name is required, at most 200 characters.", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var created = await registry.CreateAsync(request.Name.Trim(), apiKey: null, cancellationToken);
        return Results.Created($"/api/analysts/{created.AnalystId}", created);
    }
}
