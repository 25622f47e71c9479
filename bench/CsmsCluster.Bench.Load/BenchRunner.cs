using System.Diagnostics;

namespace CsmsCluster.Bench.Load;

/// <summary>Runs S1, S2 (with both baselines, interleaved), S3, the fleet-size sweep and S5, then writes the results.</summary>
public static class BenchRunner
{
    private static readonly Dictionary<string, string> Raised = new()
    {
        ["Csms:Ocpp:MaxConnections"] = "30000",
        ["Csms:Ocpp:MaxUpgradesPerSecond"] = "100000",
        ["Csms:Ocpp:UpgradeBurst"] = "100000",
    };

    public static async Task<int> RunAsync(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ServerDll))
        {
            await Console.Error.WriteLineAsync($"{options.ServerDll} not found: run `dotnet build src/CsmsCluster.Server -c Release` first.");
            return 2;
        }

        if (OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1 << options.ClientCpu;
        }

        var idle = new List<IdleResult>();
        var rounds = new List<LoadResult>();
        if (options.Scenarios.Contains("S1"))
        {
            // S1 is a node as shipped: no metric exporter (S2's 1 s export to the benchmark would be part of its idle cost).
            using var idleCsms = await TargetProcess.StartAsync(TargetKind.Csms, options, options.ServerCpu, Raised, exportMetrics: false);
            idle.Add(await IdleScenario.RunAsync(idleCsms, options, options.IdleWindow));
        }

        if (options.Scenarios.Contains("S1") || options.Scenarios.Contains("S2"))
        {
            using var csms = await TargetProcess.StartAsync(TargetKind.Csms, options, options.ServerCpu, Raised);
            using var echo = options.Baselines ? await TargetProcess.StartAsync(TargetKind.Echo, options, options.ServerCpu, new Dictionary<string, string>()) : null;
            using var rpc = options.Baselines ? await TargetProcess.StartAsync(TargetKind.OcppRpc, options, options.ServerCpu, new Dictionary<string, string>()) : null;
            List<TargetProcess> targets = [csms, .. new[] { echo, rpc }.OfType<TargetProcess>()];
            if (options.Scenarios.Contains("S1"))
            {
                foreach (var baseline in targets.Skip(1))
                {
                    idle.Add(await IdleScenario.RunAsync(baseline, options, TimeSpan.FromSeconds(10)));
                }
            }

            if (options.Scenarios.Contains("S2"))
            {
                rounds = await MessageScenario.RunAsync(targets, options);
            }
        }

        var storm = new List<StormResult>();
        if (options.Scenarios.Contains("S3"))
        {
            using var csms = await TargetProcess.StartAsync(TargetKind.Csms, options, options.ServerCpu, new Dictionary<string, string>());
            storm = await StormScenario.RunAsync(csms, options);
        }

        var sweep = options.Scenarios.Contains("SWEEP") ? await SweepScenario.RunAsync(options, Raised) : [];
        var cluster = new List<ClusterResult>();
        var failed = new List<string>();
        if (options.Scenarios.Contains("S5"))
        {
            foreach (var rate in options.ClusterRates)
            {
                // A cluster that fails to come up or dies is a result too: the figures measured before it are kept.
                try
                {
                    cluster.Add(await ClusterScenario.RunAsync(options, rate));
                }
                catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
                {
                    await Console.Error.WriteLineAsync($"S5 at {rate:0} CALL/s did not complete: {exception}");
                    failed.Add($"S5 at {rate:0} CALL/s: {exception.Message}");
                }
            }
        }

        var text = ResultsWriter.Write(options, idle, rounds, storm, sweep, cluster, failed, ResultsNotes.Text);
        Console.WriteLine(text);
        return failed.Count == 0 ? 0 : 1;
    }
}
