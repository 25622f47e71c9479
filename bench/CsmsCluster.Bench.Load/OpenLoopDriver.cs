using System.Diagnostics;
using CsmsCluster.Simulator;

namespace CsmsCluster.Bench.Load;

/// <summary>
/// Fixed-rate, open-loop MeterValues load: message k is due at start + k/rate whatever happened to earlier ones, and
/// its latency is measured from that scheduled time (so a stall shows up in the latency instead of slowing the load:
/// no coordinated omission). Message k goes to charger k mod N, whose single outstanding CALL rule then applies.
/// </summary>
public static class OpenLoopDriver
{
    /// <summary>Runs <paramref name="duration"/> at <paramref name="rate"/> CALL/s and measures the target's CPU.</summary>
    public static async Task<LoadResult> RunAsync(Fleet fleet, TargetProcess target, int round, double rate, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(target);
        var total = (long)(rate * duration.TotalSeconds);
        var latencies = new List<double>((int)total);
        var gate = new Lock();
        long answered = 0;
        long errors = 0;
        var sends = new List<Task>((int)total);
        var cpuStart = target.CpuSeconds();
        var machineStart = CpuTimes.Read();
        var from = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        var ticksPerMessage = Stopwatch.Frequency / rate;
        long k = 0;
        while (k < total)
        {
            var now = Stopwatch.GetTimestamp();
            while (k < total && start + (long)(k * ticksPerMessage) <= now)
            {
                var scheduled = start + (long)(k * ticksPerMessage);
                var charger = fleet.Chargers[(int)(k % fleet.Chargers.Count)];
                sends.Add(SendAsync(charger, scheduled, k));
                k++;
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(sends);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = target.CpuSeconds() - cpuStart;
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new LoadResult(target.Kind, round, total, answered, errors, cpu, seconds, sorted)
        {
            Window = (from, DateTimeOffset.UtcNow),
            StealPercent = CpuTimes.Read().StealPercentSince(machineStart),
        };

        async Task SendAsync(SimulatedCharger charger, long scheduled, long energy)
        {
            var reply = await charger.SendSampleMeterValuesAsync(energy);
            var latency = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            lock (gate)
            {
                if (reply.Outcome == CallOutcome.Result)
                {
                    answered++;
                    latencies.Add(latency);
                }
                else
                {
                    errors++;
                }
            }
        }
    }
}
