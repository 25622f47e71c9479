using System.Globalization;

namespace CsmsCluster.Bench.Load;

/// <summary>CPU time and resident memory of a process, from /proc.</summary>
public static class ProcStats
{
    // USER_HZ; 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double ClockTicksPerSecond = 100;

    /// <summary>utime + stime of <paramref name="pid"/> in seconds.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command (which may contain spaces) start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    /// <summary>VmRSS of <paramref name="pid"/> in KiB.</summary>
    public static long RssKib(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
