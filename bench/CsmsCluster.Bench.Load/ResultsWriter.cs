using System.Globalization;
using System.Text;
using CsmsCluster.Bench.Common;

namespace CsmsCluster.Bench.Load;

/// <summary>Writes bench/results/load.md.</summary>
public static class ResultsWriter
{
    public static string Write(BenchOptions o, IReadOnlyList<IdleResult> idle, IReadOnlyList<LoadResult> rounds, IReadOnlyList<StormResult> storm, IReadOnlyList<SweepPoint> sweep, IReadOnlyList<ClusterResult> cluster, IReadOnlyList<string> failed, string notes)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(idle);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(storm);
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"# Load benchmark results (S1-S3, S5)");
        Line($"");
        Line($"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; commit `{MachineInfo.Commit()}`");
        Line($"- machine: {Environment.ProcessorCount} cores ({MachineInfo.CpuModel()}), {MachineInfo.MemoryGib()} RAM, {Environment.OSVersion}");
        Line($"- command: `{o.Command}`");
        Line($"- mode: {(o.Quick ? "**quick** (shortened; the spec's full durations are 10 min)" : "full")}: {o.Chargers} chargers, S1 idle window {o.IdleWindow.TotalSeconds:0} s, S2 {o.Rate:0} CALL/s, {o.Rounds} rounds x {o.RoundWindow.TotalSeconds:0} s (after {o.Warmup.TotalSeconds:0} s warm-up each)");
        Line($"- pinning: servers on core {o.ServerCpu} (`taskset`), load generator on core {o.ClientCpu}; TLS off (ws:// on loopback); source addresses {string.Join(", ", o.Sources)}");
        Line($"- server build: `{o.ServerDll}`{(o.ServerDll.Contains("/bin/server/", StringComparison.Ordinal) ? " (run.sh's publish for this machine, ReadyToRun-compiled as in the container image)" : "")}");
        Line($"- GC: workstation GC everywhere: the CSMS asks for Server GC (its runtimeconfig), which the runtime replaces with workstation GC in a process limited to one core (`taskset`); Node {MachineInfo.NodeVersion()}");
        Line($"- load average (1/5/15 min) at start {o.LoadAverageAtStart}, at end {MachineInfo.LoadAverage()}: above ~2 on this 2-core machine, other processes shared the cores, which inflates latency tails (CPU per message is each server's own CPU time and is less affected)");
        var steal = CpuTimes.Read().StealPercentSince(o.CpuAtStart);
        Line($"- CPU steal over the run: {steal:0.0} % of the machine's CPU time went to other guests of the host{(steal > 5 ? " (**a busy host**: every latency, CPU-per-message and recovery figure below is inflated by it and is not comparable with a run on a quiet host)" : "")}");
        Line($"- CSMS storage: SQLite (default) in a temp directory, persistence on; messages: MeterValues with 3 sampled values");
        Line($"");
        Line($"## S1 idle fleet");
        Line($"");
        Line($"| target | chargers | connect (s) | RSS before (MiB) | RSS connected (MiB) | KiB per charger | KiB per charger after window | idle CPU (% of a core) | drops |");
        Line($"|---|---|---|---|---|---|---|---|---|");
        foreach (var r in idle)
        {
            Line($"| {r.Target} | {r.Chargers} | {r.ConnectSeconds:0.0} | {r.RssBeforeKib / 1024.0:0.0} | {r.RssConnectedKib / 1024.0:0.0} | {r.KibPerChargerConnected:0.0} | {r.KibPerChargerAfterWindow:0.0} | {(r.WindowSeconds > 0 ? r.IdleCpuPercent.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {r.Drops} |");
        }

        if (idle.FirstOrDefault(r => r.Target == TargetKind.Csms) is { } c)
        {
            Line($"");
            Line($"- RSS growth per charger <= 40 KB (stretch 25): {Verdict.AtMost(Math.Max(c.KibPerChargerConnected, c.KibPerChargerAfterWindow), 40, "KiB", 25)}");
            Line($"- idle CPU <= 5 % of a core: {Verdict.AtMost(c.IdleCpuPercent, 5, "%")}");
            Line($"- zero drops: {Verdict.AtMost(c.Drops, 0, "drops")}");
        }

        WriteMessages(s, rounds);
        WriteStorm(s, storm);
        WriteSweep(s, sweep, o.Output);
        WriteCluster(s, cluster);
        if (failed.Count > 0)
        {
            Line($"");
            Line($"## Runs that did not complete");
            Line($"");
            foreach (var failure in failed)
            {
                Line($"- **{failure}**");
            }
        }

        s.AppendLine().AppendLine("## Notes").AppendLine().AppendLine(notes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.Output))!);
        File.WriteAllText(o.Output, s.ToString());
        return s.ToString();
    }

    private static void WriteMessages(StringBuilder s, IReadOnlyList<LoadResult> rounds)
    {
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"");
        Line($"## S2 sustained MeterValues (open loop)");
        Line($"");
        Line($"| round | target | sent | answered | errors | CPU (s) | CPU per message (µs) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | CPU steal (%) |");
        Line($"|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rounds)
        {
            Line($"| {r.Round} | {r.Target} | {r.Sent} | {r.Answered} | {r.Errors} | {r.CpuSeconds:0.00} | {r.CpuMicrosPerMessage:0.0} | {r.Percentile(0.5):0.00} | {r.Percentile(0.99):0.00} | {r.Percentile(0.999):0.00} | {r.Percentile(1):0.00} | {r.StealPercent:0.0} |");
        }

        var csms = rounds.Where(r => r.Target == TargetKind.Csms).ToList();
        if (csms.Count == 0)
        {
            return;
        }

        var pooled = csms.SelectMany(r => r.SortedLatencyMs).Order().ToArray();
        var all = new LoadResult(TargetKind.Csms, 0, csms.Sum(r => r.Sent), csms.Sum(r => r.Answered), csms.Sum(r => r.Errors), 0, 0, pooled);
        Line($"");
        Line($"Ratios of CPU per message, per round (median, min-max over rounds):");
        Line($"");
        foreach (var (name, a, b) in new[] { ("CSMS / echo", TargetKind.Csms, TargetKind.Echo), ("ocpp-rpc / echo", TargetKind.OcppRpc, TargetKind.Echo), ("CSMS / ocpp-rpc", TargetKind.Csms, TargetKind.OcppRpc) })
        {
            var ratios = Ratios(rounds, a, b);
            Line($"- {name}: {(ratios.Length == 0 ? "n/a" : $"{Median(ratios):0.00} ({ratios.Min():0.00}-{ratios.Max():0.00})")}");
        }

        var csmsEcho = Ratios(rounds, TargetKind.Csms, TargetKind.Echo);
        WriteServerSide(s, csms);
        Line($"");
        Line($"Client-side (CSMS, pooled over rounds, measured from each message's scheduled send time; an upper bound of the server-side figures):");
        Line($"");
        var echo = rounds.Where(r => r.Target == TargetKind.Echo).SelectMany(r => r.SortedLatencyMs).Order().ToArray();
        var floor = new LoadResult(TargetKind.Echo, 0, 0, 0, 0, 0, 0, echo);
        Line($"- floor (echo, same generator, same run): p50 {floor.Percentile(0.5):0.00} ms, p99 {floor.Percentile(0.99):0.00} ms, p99.9 {floor.Percentile(0.999):0.00} ms; the CSMS's client-side figures include this floor");
        Line($"- p50 <= 5 ms: {all.Percentile(0.5):0.00} ms, {Verdict.AtMost(all.Percentile(0.5), 5, "ms")}");
        Line($"- p99 <= 25 ms: {all.Percentile(0.99):0.00} ms, {Verdict.AtMost(all.Percentile(0.99), 25, "ms")}");
        Line($"- p99.9 <= 100 ms: {all.Percentile(0.999):0.00} ms, {Verdict.AtMost(all.Percentile(0.999), 100, "ms")}");
        Line($"- zero errors: {all.Errors} errors of {all.Sent}, {Verdict.AtMost(all.Errors, 0, "errors")}");
        Line($"- CPU per message <= 4x echo (stretch 2.5x): {(csmsEcho.Length == 0 ? "n/a" : Verdict.AtMost(Median(csmsEcho), 4, "x", 2.5))}");
    }

    /// <summary>The server's own answer times: the spec's measure for the S2 latency targets.</summary>
    private static void WriteServerSide(StringBuilder s, List<LoadResult> csms)
    {
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var measured = csms.Where(r => r.Server?.Calls is not null).ToList();
        Line($"");
        Line($"Server-side (CSMS): `csms.gateway.call.duration` of MeterValues, from receiving the CALL to writing its answer, exported by the server every second over OTLP. Shares at a bucket boundary are exact; percentiles are interpolated within their bucket (boundaries 1, 2.5, 5, 10, 25, 50, 100, 250 ms ...):");
        Line($"");
        Line($"| round | CALLs | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | <= 5 ms | <= 25 ms | <= 100 ms | history commits | commit mean / max (ms) | GC pause (ms) | GCs gen0 / gen1 / gen2 |");
        Line($"|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in measured)
        {
            var c = r.Server!.Calls!;
            var commits = r.Server.Commits;
            Line($"| {r.Round} | {c.Count} | {c.Quantile(0.5) * 1e3:0.00} | {c.Quantile(0.99) * 1e3:0.00} | {c.Quantile(0.999) * 1e3:0.00} | {c.Max * 1e3:0.00} | {c.ShareAtOrBelow(0.005) * 100:0.00} % | {c.ShareAtOrBelow(0.025) * 100:0.00} % | {c.ShareAtOrBelow(0.1) * 100:0.00} % | {commits?.Count ?? 0} | {(commits is null ? "-" : $"{commits.Mean * 1e3:0.00} / {commits.Max * 1e3:0.00}")} | {r.Server.GcPauseSeconds * 1e3:0} | {r.Server.Gen0:0} / {r.Server.Gen1:0} / {r.Server.Gen2:0} |");
        }

        if (HistogramSummary.Merge(measured.SelectMany(r => r.Server!.CallPoints)) is not { } all)
        {
            Line($"");
            Line($"- not measured: the server exported no MeterValues call durations");
            return;
        }

        Line($"");
        Line($"Targets (server-side, pooled over rounds: {all.Count} CALLs):");
        Line($"");
        Line($"- p50 <= 5 ms: {all.ShareAtOrBelow(0.005) * 100:0.00} % within 5 ms (p50 about {all.Quantile(0.5) * 1e3:0.00} ms), {Verdict.AtLeast(all.ShareAtOrBelow(0.005) * 100, 50, "points of the share within 5 ms")}");
        Line($"- p99 <= 25 ms: {all.ShareAtOrBelow(0.025) * 100:0.00} % within 25 ms (p99 about {all.Quantile(0.99) * 1e3:0.00} ms), {Verdict.AtLeast(all.ShareAtOrBelow(0.025) * 100, 99, "points of the share within 25 ms")}");
        Line($"- p99.9 <= 100 ms: {all.ShareAtOrBelow(0.1) * 100:0.000} % within 100 ms (p99.9 about {all.Quantile(0.999) * 1e3:0.00} ms), {Verdict.AtLeast(all.ShareAtOrBelow(0.1) * 100, 99.9, "points of the share within 100 ms")}");
    }

    private static double[] Ratios(IReadOnlyList<LoadResult> rounds, TargetKind a, TargetKind b) =>
        [.. rounds.GroupBy(r => r.Round)
            .Select(g => (A: g.FirstOrDefault(r => r.Target == a), B: g.FirstOrDefault(r => r.Target == b)))
            .Where(p => p.A is not null && p.B is not null)
            .Select(p => p.A!.CpuMicrosPerMessage / p.B!.CpuMicrosPerMessage)];

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void WriteStorm(StringBuilder s, IReadOnlyList<StormResult> storm)
    {
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"");
        Line($"## S3 reconnect storm (CSMS with default admission settings)");
        Line($"");
        Line($"| phase | chargers | Accepted in 30 s | Accepted in 60 s | all accepted after (s) | HTTP 503 | Boot Pending | other connect failures | /healthz probe port max (ms) | probe port failures / probes | /healthz main port max (ms) | main port failures | peak RSS (MiB) | server alive |");
        Line($"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in storm)
        {
            Line($"| {r.Phase} | {r.Chargers} | {r.PercentWithin30:0.00} % | {r.PercentWithin60:0.00} % | {(double.IsNaN(r.AllAcceptedSeconds) ? "> 60" : r.AllAcceptedSeconds.ToString("0.0", CultureInfo.InvariantCulture))} | {r.Refused503} | {r.BootsPending} | {r.OtherConnectFailures} | {r.HealthMaxMs:0} | {r.HealthFailures} / {r.HealthProbes} | {r.MainHealthMaxMs:0} | {r.MainHealthFailures} | {r.PeakRssKib / 1024.0:0} | {r.ServerAlive} |");
        }

        if (storm.FirstOrDefault() is { } drop)
        {
            Line($"");
            Line($"- 99 % Accepted within 30 s: {Verdict.AtLeast(drop.PercentWithin30, 99, "points")}; 100 % within 60 s: {Verdict.AtLeast(drop.PercentWithin60, 100, "points")}");
        }

        if (storm.Skip(1).FirstOrDefault() is { } herd)
        {
            var shed = herd.Refused503 + herd.BootsPending > 0 || herd.PercentWithin60 >= 100;
            var clean = shed && herd.ServerAlive && herd.HealthFailures == 0 && herd.PercentWithin60 >= 100;
            Line($"- herd within 1 s shed cleanly (503 with Retry-After / Pending, server alive, every probe-port /healthz answered within 5 s, all accepted in 60 s): {(clean ? "**pass**" : "**FAIL**")}");
        }
    }

    private static void WriteCluster(StringBuilder s, IReadOnlyList<ClusterResult> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            WriteCluster(s, results[i], spec: i == 0);
        }
    }

    private static void WriteCluster(StringBuilder s, ClusterResult c, bool spec)
    {

        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"");
        Line($"## S5 cluster: one silo killed under load{(spec ? "" : $" (headroom check at {c.Rate:0} CALL/s, not the spec's load)")}");
        Line($"");
        Line($"{c.Silos} silos and {c.Gateways} gateway (each its own server process, all on the server core) on one PostgreSQL database; {c.Chargers} chargers through the gateway, each in a transaction; open-loop MeterValues at {c.Rate:0} CALL/s for {c.WindowSeconds:0} s; silo-2 killed with SIGKILL a third into the measured window. Membership timing: the defaults, lease {c.LeaseSeconds:0} s + margin {c.MarginSeconds:0} s.");
        Line($"");
        Line($"| metric | value |");
        Line($"|---|---|");
        Line($"| CALLs (acknowledged) / retries | {c.Calls} / {c.Retries} |");
        Line($"| p99 before the kill (ms, client-side) | {c.P99BeforeKillMs:0.0} |");
        Line($"| CPU from the warm-up to the kill, % of one core | {string.Join(", ", c.CpuBeforeKill.Select(n => $"{n.Node} {n.Percent:0}"))}; total {c.CpuBeforeKill.Sum(n => n.Percent):0} |");
        Line($"| CPU steal over the same window, % of the machine's CPU time | {c.StealBeforeKillPercent:0.0} |");
        Line($"| CALLs disturbed (retried or answered > {ClusterScenario.Late.TotalSeconds:0} s late) before / after the kill | {c.DisturbedBeforeKill} / {c.DisturbedAfterKill} |");
        Line($"| chargers affected by the kill | {c.AffectedChargers} |");
        Line($"| every affected charger served again: kill to the last one's first answer (s) | {c.ServedAgainSeconds:0.00} |");
        Line($"| backlog answered: kill to the last disturbed CALL answered (s) | {c.OutageSeconds:0.00} |");
        Line($"| worst latency of a disturbed CALL (ms) | {c.MaxLatencyAfterKillMs:0} |");
        Line($"| disturbed CALLs answered per second after the kill (second: count) | {string.Join(", ", c.RecoveryTimeline.Select(t => $"{t.Second}: {t.Count}"))} |");
        Line($"| chargers answered on time after the outage, of those with a CALL scheduled after it | {c.ChargersServedAfterOutage} of {c.ChargersCalledAfterOutage} |");
        Line($"| meter values acknowledged / rows stored / acknowledged but missing | {c.AcknowledgedMeterValues} / {c.StoredMeterValueRows} / {c.MissingMeterValues} |");
        Line($"| transactions started / missing / without start and stop after StopTransaction | {c.Transactions} / {c.MissingTransactions} / {c.IncompleteTransactions} |");
        Line($"");
        Line($"- every charger served again within lease + 3 s = {c.BoundSeconds:0} s: {Verdict.AtMost(c.ServedAgainSeconds, c.BoundSeconds, "s")}; answered on time afterwards: {(c.ChargersCalledAfterOutage == 0 ? "**not measured** (no CALL was scheduled after the outage ended: lengthen --cluster-seconds)" : Verdict.AtLeast(c.ChargersServedAfterOutage, c.ChargersCalledAfterOutage, "chargers"))}");
        Line($"- zero acknowledged meter values lost: {Verdict.AtMost(c.MissingMeterValues, 0, "values")}; duplicated (rows - acknowledged): {Verdict.AtMost(c.StoredMeterValueRows - c.AcknowledgedMeterValues, 0, "rows")}; zero transactions lost: {Verdict.AtMost(c.MissingTransactions + c.IncompleteTransactions, 0, "transactions")}");
    }

    private static void WriteSweep(StringBuilder s, IReadOnlyList<SweepPoint> sweep, string output)
    {
        if (sweep.Count == 0)
        {
            return;
        }

        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var svg = Path.GetFileNameWithoutExtension(output) + "-sweep.svg";
        var rate = sweep[0].Load.Sent / Math.Max(1, sweep[0].Load.Seconds);
        Line($"");
        Line($"## Memory and latency against fleet size");
        Line($"");
        Line($"A fresh CSMS per size; the fleet connects idle, then MeterValues run open loop at about {rate:0} CALL/s for {sweep[0].Load.Seconds:0} s (the same rate for every size, so only the number of connections changes).");
        Line($"");
        Line($"![RSS and MeterValues latency against the number of connected chargers]({svg})");
        Line($"");
        Line($"| chargers | RSS before (MiB) | RSS connected (MiB) | KiB per charger | RSS after the load (MiB) | server p50 / p99 / p99.9 (ms) | client p50 / p99 (ms) | CPU per message (µs) | errors |");
        Line($"|---|---|---|---|---|---|---|---|---|");
        foreach (var p in sweep)
        {
            Line($"| {p.Chargers} | {p.RssBeforeKib / 1024.0:0.0} | {p.RssConnectedKib / 1024.0:0.0} | {p.KibPerCharger:0.0} | {p.RssAfterLoadKib / 1024.0:0.0} | {p.ServerMs(0.5):0.00} / {p.ServerMs(0.99):0.0} / {p.ServerMs(0.999):0.0} | {p.Load.Percentile(0.5):0.00} / {p.Load.Percentile(0.99):0.0} | {p.Load.CpuMicrosPerMessage:0.0} | {p.Load.Errors} |");
        }

        var memory = new PlotPanel("Memory", "connected chargers", "RSS (MiB)",
        [
            new PlotSeries("connected, idle", "#1f77b4", [.. sweep.Select(p => ((double)p.Chargers, p.RssConnectedKib / 1024.0))]),
            new PlotSeries("after the MeterValues load", "#ff7f0e", [.. sweep.Select(p => ((double)p.Chargers, p.RssAfterLoadKib / 1024.0))]),
        ]);
        var latency = new PlotPanel($"MeterValues latency at {rate:0} CALL/s", "connected chargers", "ms",
        [
            new PlotSeries("server p50", "#2ca02c", [.. sweep.Select(p => ((double)p.Chargers, p.ServerMs(0.5)))]),
            new PlotSeries("server p99", "#d62728", [.. sweep.Select(p => ((double)p.Chargers, p.ServerMs(0.99)))]),
            new PlotSeries("client p99", "#9467bd", [.. sweep.Select(p => ((double)p.Chargers, p.Load.Percentile(0.99)))]),
        ]);
        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, svg), SvgPlot.Render([memory, latency]));
    }
}
