using System.Runtime.InteropServices;

namespace Monitoring.Benchmarks.Coding.ThreadCpu;

/// <summary>
/// CPU time the calling thread has used (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): time spent waiting for a core while
/// other processes run does not count, which is what makes the measurement usable on a loaded machine.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of CPU used by this thread so far.</summary>
    public static long Nanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno " + Marshal.GetLastPInvokeError());
        }

        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }
}
