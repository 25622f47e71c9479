using System.Globalization;

namespace CsmsCluster.Bench.Load;

/// <summary>
/// The machine's CPU time so far, from the first line of /proc/stat (USER_HZ ticks summed over all cores). Steal is
/// time the hypervisor ran other guests while this one had work: on a shared host it inflates every latency and
/// CPU-per-message figure, so the results state it.
/// </summary>
/// <param name="Total">user + nice + system + idle + iowait + irq + softirq + steal.</param>
/// <param name="Steal">The steal column.</param>
public readonly record struct CpuTimes(long Total, long Steal)
{
    /// <summary>Reads /proc/stat now.</summary>
    public static CpuTimes Read() => Parse(File.ReadLines("/proc/stat").First());

    /// <summary>Parses the aggregate line (<c>cpu  user nice system idle iowait irq softirq steal ...</c>).</summary>
    /// <exception cref="FormatException">The line is not the aggregate <c>cpu</c> line with at least eight counters.</exception>
    public static CpuTimes Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            throw new FormatException($"Not the aggregate cpu line of /proc/stat: '{line}'.");
        }

        var counters = fields[1..9].Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new CpuTimes(counters.Sum(), counters[7]);
    }

    /// <summary>The share of the machine's CPU time from <paramref name="earlier"/> to this reading that was stolen, in %.</summary>
    public double StealPercentSince(CpuTimes earlier) =>
        Total > earlier.Total ? 100.0 * (Steal - earlier.Steal) / (Total - earlier.Total) : 0;
}
