using System.Diagnostics;
using CsmsCluster.Simulator;

namespace CsmsCluster.Bench.Load;

/// <summary>Connects benchmark fleets: idle chargers (heartbeat 300 s, no sessions) on every source address.</summary>
public static class Fleets
{
    /// <summary>Starts a fleet against <paramref name="target"/> and waits until every charger is accepted.</summary>
    public static Task<(Fleet Fleet, double Seconds)> ConnectAsync(TargetProcess target, BenchOptions options, string prefix, TimeSpan? reconnectBase = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ConnectAsync(target.OcppBase, options, prefix, reconnectBase);
    }

    /// <summary>Starts a fleet against the OCPP endpoint <paramref name="ocppBase"/> and waits until every charger is accepted.</summary>
    public static async Task<(Fleet Fleet, double Seconds)> ConnectAsync(Uri ocppBase, BenchOptions options, string prefix, TimeSpan? reconnectBase = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fleet = new Fleet(new SimulatorOptions
        {
            ServerUrl = ocppBase,
            ChargerCount = options.Chargers,
            IdPrefix = prefix,
            Sessions = false,
            HeartbeatInterval = TimeSpan.FromSeconds(300),
            SourceAddresses = options.Sources,
            ReconnectBase = reconnectBase ?? TimeSpan.FromSeconds(1),
        });
        var clock = Stopwatch.StartNew();
        fleet.Start();
        if (!await WaitAsync(() => fleet.AcceptedNow() >= options.Chargers, TimeSpan.FromSeconds(300)))
        {
            var accepted = fleet.AcceptedNow();
            var seen = fleet.Stats;
            // What the chargers saw tells a server that refused them from one that never answered.
            var detail = FormattableString.Invariant(
                $"connected {seen.Connected}, connect attempts {seen.Connects} (failed {seen.ConnectFailures}, 503 {seen.Refused503}), boots accepted {seen.BootsAccepted} / pending {seen.BootsPending} / rejected {seen.BootsRejected}, CALL errors {seen.CallErrors}, CALL timeouts {seen.CallTimeouts}, unexpected disconnects {seen.UnexpectedDisconnects}; last error: {fleet.LastError?.Message ?? "none"}");
            await fleet.DisposeAsync();
            throw new TimeoutException($"Only {accepted} of {options.Chargers} chargers were accepted by {ocppBase} within 300 s ({detail}).");
        }

        return (fleet, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
