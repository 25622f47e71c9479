using System.Diagnostics;
using System.Globalization;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>Server on core 0, load generator on core 1 (taskset), when the machine has two or more cores and taskset.</summary>
public static class Pinning
{
    public const int ServerCore = 0;

    public const int ClientCore = 1;

    public static bool Available => Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset");

    /// <summary>Pins every thread of this process to <see cref="ClientCore"/> (threads created later inherit it).</summary>
    /// <returns>True when taskset succeeded.</returns>
    public static bool PinSelf()
    {
        if (!Available)
        {
            return false;
        }
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-a", "-p", "-c", ClientCore.ToString(CultureInfo.InvariantCulture), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        using var taskset = Process.Start(start)!;
        taskset.WaitForExit();
        return taskset.ExitCode == 0;
    }
}
