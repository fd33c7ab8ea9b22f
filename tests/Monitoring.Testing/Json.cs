using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Testing;

public static class Json
{
    /// <summary>Records holding lists compare their lists by reference; their JSON compares them by content.</summary>
    public static void AssertEquivalent<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    /// <summary>Like <see cref="AssertEquivalent{T}"/>, with instants compared as instants: a store may hand back another offset.</summary>
    public static void AssertSameInstants<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Instants), JsonSerializer.Serialize(actual, Instants));

    private static readonly JsonSerializerOptions Instants = new() { Converters = { new UtcConverter() } };

    private sealed class UtcConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUniversalTime());
    }
}
