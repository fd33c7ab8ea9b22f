using System.Diagnostics;

namespace Monitoring.Monitor.Bench;

/// <summary>
/// The RabbitMQ node on this machine (its Erlang VM, <c>beam.smp</c>), when there is one: its CPU time beside the
/// services', since on one machine the broker's work per article takes the same cores as theirs.
/// </summary>
internal static class LocalBroker
{
    public static TimeSpan? CpuTime()
    {
        try
        {
            var beams = Process.GetProcessesByName("beam.smp");
            try
            {
                return beams.Length == 1 ? beams[0].TotalProcessorTime : null;
            }
            finally
            {
                foreach (var beam in beams) beam.Dispose();
            }
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
