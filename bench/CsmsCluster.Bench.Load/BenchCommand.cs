using System.CommandLine;
using System.Net;

namespace CsmsCluster.Bench.Load;

/// <summary>The benchmark's command line (and the `echo` baseline server sub-command).</summary>
public static class BenchCommand
{
    public static RootCommand Create(string[] args)
    {
        var quick = new Option<bool>("--quick") { Description = "development run: spec scale, short windows (S1 30 s, S2 2 rounds x 20 s)" };
        var chargers = new Option<int?>("--chargers") { Description = "chargers per fleet (default 10000)" };
        var rate = new Option<double?>("--rate") { Description = "S2 offered load in CALL/s (default 2000)" };
        var idle = new Option<double?>("--idle-seconds") { Description = "S1 idle window (default 600, quick 30)" };
        var rounds = new Option<int?>("--rounds") { Description = "S2 interleaved rounds (default 5, quick 2)" };
        var window = new Option<double?>("--round-seconds") { Description = "S2 measured window per round and target (default 120, quick 20)" };
        var sources = new Option<int>("--source-addresses") { Description = "bind client sockets to 127.0.0.1..N", DefaultValueFactory = _ => 4 };
        var only = new Option<string[]>("--only") { Description = "run only these scenarios (S1, S2, S3, SWEEP, S5); default all", AllowMultipleArgumentsPerToken = true };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "CSMS only (no echo or ocpp-rpc; S2 ratios are then not reported)" };
        var cluster = new Option<double?>("--cluster-seconds") { Description = "S5 measured window, a silo killed a third into it (default 120, quick 60)" };
        var clusterRates = new Option<double[]>("--cluster-rates") { Description = "S5 offered loads in CALL/s, each its own cluster (default: the S2 rate, then half of it)", AllowMultipleArgumentsPerToken = true };
        var sweep = new Option<int[]>("--sweep") { Description = "fleet sizes of the memory/latency sweep (default 1000 2500 5000 10000, quick 1000 5000 10000)", AllowMultipleArgumentsPerToken = true };
        var logs = new Option<string?>("--logs") { Description = "copy the S5 nodes' logs into this directory (default: not kept)" };
        var server = new Option<string?>("--server") { Description = "the server's entry assembly (default: the Release build; run.sh passes its ReadyToRun publish)" };
        var output = new Option<string>("--out") { Description = "results file", DefaultValueFactory = _ => "bench/results/load.md" };
        var root = new RootCommand("CsmsCluster load benchmark (performance.md S1-S3, S5) with echo and ocpp-rpc baselines")
        {
            quick, chargers, rate, idle, rounds, window, cluster, clusterRates, sweep, sources, only, noBaselines, output, logs, server,
        };
        var port = new Option<int>("--port") { Required = true };
        var echo = new Command("echo", "run the Kestrel WebSocket echo baseline server") { port };
        echo.SetAction(async result => await EchoServer.RunAsync(result.GetValue(port)));
        root.Subcommands.Add(echo);
        root.SetAction(async result =>
        {
            var q = result.GetValue(quick);
            var s2Rate = result.GetValue(rate) ?? 2_000;
            var options = new BenchOptions
            {
                Quick = q,
                Chargers = result.GetValue(chargers) ?? 10_000,
                Rate = s2Rate,
                ClusterRates = result.GetValue(clusterRates) is { Length: > 0 } given ? given : [s2Rate, s2Rate / 2],
                IdleWindow = TimeSpan.FromSeconds(result.GetValue(idle) ?? (q ? 30 : 600)),
                Rounds = result.GetValue(rounds) ?? (q ? 2 : 5),
                RoundWindow = TimeSpan.FromSeconds(result.GetValue(window) ?? (q ? 20 : 120)),
                Warmup = TimeSpan.FromSeconds(q ? 5 : 15),
                ClusterWindow = TimeSpan.FromSeconds(result.GetValue(cluster) ?? (q ? 60 : 120)),
                Sources = [.. Enumerable.Range(1, Math.Max(1, result.GetValue(sources))).Select(i => IPAddress.Parse($"127.0.0.{i}"))],
                Output = result.GetValue(output)!,
                LogsDirectory = result.GetValue(logs),
                ServerDll = result.GetValue(server) ?? new BenchOptions().ServerDll,
                Scenarios = result.GetValue(only) is { Length: > 0 } chosen ? [.. chosen.Select(c => c.ToUpperInvariant())] : ["S1", "S2", "S3", "SWEEP", "S5"],
                SweepChargers = result.GetValue(sweep) is { Length: > 0 } sizes ? sizes : q ? [1_000, 5_000, 10_000] : [1_000, 2_500, 5_000, 10_000],
                Baselines = !result.GetValue(noBaselines),
                // run.sh adds --server itself; the command stated is the one a reader reruns.
                Command = "bash bench/CsmsCluster.Bench.Load/run.sh " + string.Join(' ', WithoutServer(args)),
            };
            return await BenchRunner.RunAsync(options);
        });
        return root;
    }

    private static IEnumerable<string> WithoutServer(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--server")
            {
                i++;
                continue;
            }

            yield return args[i];
        }
    }
}
