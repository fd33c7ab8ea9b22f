namespace Monitoring.Monitor.Bench;

/// <summary>What this process's allocations cost over a run: the bytes it allocated, the collections they caused and the time the GC paused it.</summary>
public sealed record ProcessMemory(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static ProcessMemory Now() => new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static ProcessMemory operator -(ProcessMemory after, ProcessMemory before) =>
        new(after.Allocated - before.Allocated, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused);
}
