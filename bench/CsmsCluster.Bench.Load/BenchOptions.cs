using System.Net;

namespace CsmsCluster.Bench.Load;

/// <summary>What one benchmark run does; the defaults are the spec's full durations.</summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }

    public int Chargers { get; init; } = 10_000;

    public double Rate { get; init; } = 2_000;

    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromMinutes(10);

    public int Rounds { get; init; } = 5;

    public TimeSpan RoundWindow { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>S5's measured window after the warm-up; the silo is killed a third into it.</summary>
    public TimeSpan ClusterWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// S5's offered loads, CALL/s: the spec's (S2's rate) first, then any others, each a cluster of its own (a lower one
    /// shows the recovery when the shared core has headroom).
    /// </summary>
    public IReadOnlyList<double> ClusterRates { get; init; } = [2_000, 1_000];

    public string ServerDll { get; init; } = "src/CsmsCluster.Server/bin/Release/net10.0/CsmsCluster.Server.dll";

    public string BaselinesDirectory { get; init; } = "bench/load-baselines";

    public string Output { get; init; } = "bench/results/load.md";

    /// <summary>Where S5 copies each node's log before its directory is removed (null: logs are not kept).</summary>
    public string? LogsDirectory { get; init; }

    public int ServerCpu { get; init; } = 1;

    public int ClientCpu { get; init; }

    public IReadOnlyList<IPAddress> Sources { get; init; } = [];

    public string Command { get; init; } = "";

    /// <summary>The scenarios to run (S1, S2, S3, S5, and SWEEP: memory and latency against fleet size).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = ["S1", "S2", "S3", "SWEEP", "S5"];

    /// <summary>The fleet sizes of the sweep.</summary>
    public IReadOnlyList<int> SweepChargers { get; init; } = [1_000, 2_500, 5_000, 10_000];

    /// <summary>Whether the echo and ocpp-rpc baselines run beside the CSMS.</summary>
    public bool Baselines { get; init; } = true;

    public string LoadAverageAtStart { get; init; } = MachineInfo.LoadAverage();

    public CpuTimes CpuAtStart { get; init; } = CpuTimes.Read();
}
