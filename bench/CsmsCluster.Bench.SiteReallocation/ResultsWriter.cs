using CsmsCluster.Bench.SmartCharging;
using System.Globalization;
using System.Text;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>Formats the results file and the console summary.</summary>
public static class ResultsWriter
{
    public static string Summary(ScenarioResult result)
    {
        var l = result.Latencies;
        var s = result.Scenario;
        return Invariant($"Scenario {s.Name}: p50 {P(l, 50)} / p90 {P(l, 90)} / p99 {P(l, 99)} / max {P(l, 100)} ms over {l.Count} rounds; target {s.TargetMilliseconds} ms p99: {(result.Passed ? "PASS" : "FAIL")}");
    }

    public static string Write(IReadOnlyList<ScenarioResult> results, RunInfo info)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(info);
        var md = new StringBuilder();
        Line(md, "# Site reallocation (S4): results");
        Line(md, "");
        Line(md, $"- Date (UTC): {info.Started:yyyy-MM-dd HH:mm}");
        Line(md, $"- Machine: {MachineInfo.Cpu()}, {Environment.ProcessorCount} logical cores, {MachineInfo.Memory()} memory; {MachineInfo.Os()}");
        Line(md, $"- Load average (1/5/15 min) before: {info.LoadBefore}; after: {info.LoadAfter} (other work on the machine shares its cores)");
        Line(md, $"- Commit: `{info.Commit}`");
        Line(md, $"- Command: `{info.Command}`");
        Line(md, info.Pinned
            ? $"- Pinning: server on core {Pinning.ServerCore} (`taskset -c {Pinning.ServerCore}`), load generator on core {Pinning.ClientCore} (`taskset -a -p -c {Pinning.ClientCore}`)"
            : "- Pinning: none (taskset or a second core not available)");
        Line(md, "- Server: Release build, SQLite storage in a fresh temp directory, workstation GC (default), no TLS, loopback");
        Line(md, $"- Server settings that differ from the defaults: {string.Join(", ", info.Settings.Select(kv => $"`{kv.Key}={kv.Value}`"))}; " +
            "for the server-side histogram also `Csms:Telemetry:OtlpEndpoint` (the benchmark's receiver), `Csms:Telemetry:ExportInterval=00:00:01`, " +
            "`OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=delta`, `OTEL_TRACES_SAMPLER=always_off`. Everything else is the product default, " +
            "among them `Debounce` 1 s, `Hold` 60 s, `MinSendInterval` 30 s.");
        Line(md, "");
        Line(md, "| scenario | rounds | p50 ms | p90 ms | p99 ms | max ms | target (p99) | result |");
        Line(md, "|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var l = r.Latencies;
            Line(md, $"| {Name(r.Scenario)} | {l.Count} | {P(l, 50)} | {P(l, 90)} | {P(l, 99)} | {P(l, 100)} | {r.Scenario.TargetMilliseconds} ms | {(r.Passed ? "pass" : Miss(r))} |");
        }
        Line(md, "");
        foreach (var r in results)
        {
            Details(md, r);
        }
        ResultsNotes.Method(md);
        return md.ToString();
    }

    internal static void Line(StringBuilder md, string text) => md.Append(Invariant($"{text}")).Append('\n');

    internal static string P(IReadOnlyList<double> values, double percentile) =>
        values.Count == 0 ? "n/a" : Percentiles.Of(values, percentile).ToString("0.0", CultureInfo.InvariantCulture);

    private static void Details(StringBuilder md, ScenarioResult r)
    {
        var s = r.Scenario;
        var perSite = r.Rounds.SelectMany(x => x.SiteMilliseconds).ToList();
        var first = r.Rounds.SelectMany(x => x.FirstCallMilliseconds).ToList();
        var spread = r.Rounds.SelectMany(x => x.SiteMilliseconds.Zip(x.FirstCallMilliseconds, (last, f) => last - f)).ToList();
        Line(md, $"## {Name(s)}");
        Line(md, "");
        Line(md, $"- Rounds: {r.Rounds.Count} measured after {s.WarmUp} warm-up; setup and first convergence took {r.Setup.TotalSeconds:0} s");
        Line(md, $"- Expected CALLs per round: {s.Sites * (s.Connectors - 1)} (one decrease at each of the {s.Connectors - 1} sessions of every site); " +
            $"received {r.Rounds.Sum(x => x.Calls)} of {r.Rounds.Count * s.Sites * (s.Connectors - 1)}; extra CALLs {r.Rounds.Sum(x => x.Extra)}; " +
            $"limit other than expected {r.Rounds.Sum(x => x.WrongLimit)}; rounds timed out {r.Rounds.Count(x => x.TimedOut)}");
        Line(md, $"- Per site, StartTransaction written to its last decrease received: p50 {P(perSite, 50)} / p90 {P(perSite, 90)} / p99 {P(perSite, 99)} / max {P(perSite, 100)} ms");
        Line(md, $"- Per site, StartTransaction written to its first decrease received: p50 {P(first, 50)} / p90 {P(first, 90)} / p99 {P(first, 99)} / max {P(first, 100)} ms");
        Line(md, $"- Per site, first to last decrease received (the fan-out): p50 {P(spread, 50)} / p90 {P(spread, 90)} / p99 {P(spread, 99)} / max {P(spread, 100)} ms");
        if (r.Allocation is { } a)
        {
            var buckets = string.Join(", ", a.Buckets.Select(b => double.IsPositiveInfinity(b.Upper) ? $"above: {b.Count}" : $"<= {b.Upper} ms: {b.Count}"));
            Line(md, $"- Server-side `csms.smartcharging.allocation.duration` (SiteLoop.Run only) over the rounds: {a.Runs} runs, mean {a.MeanMilliseconds:0.00} ms, " +
                $"max {(a.MaxMilliseconds is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")} ms; buckets {buckets}");
        }
        else
        {
            Line(md, "- Server-side allocation duration: not read in this run");
        }
        if (r.Notes.Length > 0)
        {
            Line(md, $"- {r.Notes}");
        }
        Line(md, "");
    }

    private static string Name(Scenario s) => s.Sites == 1
        ? $"A: one site, {s.Connectors} connectors, one session starts"
        : $"B: {s.Sites} sites x {s.Connectors} connectors, one session starts on each at once";

    private static string Miss(ScenarioResult r)
    {
        var p99 = Percentiles.Of(r.Latencies, 99);
        return double.IsFinite(p99)
            ? Invariant($"FAIL by {p99 - r.Scenario.TargetMilliseconds:0.0} ms ({p99 / r.Scenario.TargetMilliseconds:0.0}x)")
            : "FAIL (timeouts)";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
