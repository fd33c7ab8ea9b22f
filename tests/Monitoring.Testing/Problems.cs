using System.Net;
using System.Text.Json;

namespace Monitoring.Testing;

public static class Problems
{
    /// <summary>Asserts an RFC 9457 answer: the status, <c>application/problem+json</c>, the same status in the body and a <c>detail</c> (containing <paramref name="detailContains"/> when given).</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        Assert.True(response.StatusCode == status, $"{where}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{where} ({(int)status}): content type {response.Content.Headers.ContentType}, body '{body}'");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 10 }, $"{where} ({(int)status}): no detail in {body}");
        if (detailContains is not null) Assert.Contains(detailContains, detail.GetString());
        return problem;
    }
}
