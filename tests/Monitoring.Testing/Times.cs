namespace Monitoring.Testing;

/// <summary>Distinct, millisecond-precise UTC instants: what every store, BSON dates included, round-trips exactly.</summary>
public static class Times
{
    private static readonly DateTimeOffset Origin = new(2024, 5, 16, 8, 0, 0, 123, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => Origin.AddMinutes(minutes);
}

/// <summary>A stand-in message for what a store writes to its outbox: only its identity matters to the storage contract.</summary>
public sealed record Announced(string Id);
