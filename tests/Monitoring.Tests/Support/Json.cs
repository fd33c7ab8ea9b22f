using System.Text.Json;

namespace Monitoring.Tests.Support;

public static class Json
{
    /// <summary>Records holding lists compare their lists by reference; their JSON compares them by content.</summary>
    public static void AssertEquivalent<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
