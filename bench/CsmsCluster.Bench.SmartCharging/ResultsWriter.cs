using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CsmsCluster.SmartCharging;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>Formats the results file: machine, date, commit, command, every figure, and pass/fail per target.</summary>
public static class ResultsWriter
{
    public static string Write(
        IReadOnlyList<(SimulationResult Result, double CpuSeconds)> results, IReadOnlyList<(string Label, SimulationResult Result)> variants, string command, string commit)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(variants);
        var md = new StringBuilder();
        Line(md, "# Smart charging simulation: results");
        Line(md, "");
        Line(md, $"- Date (UTC): {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}");
        Line(md, $"- Machine: {Cpu()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        Line(md, $"- Commit: `{commit}`");
        Line(md, $"- Command: `{command}`");
        Line(md, "");
        foreach (var (result, cpu) in results)
        {
            Scenario(md, result, cpu);
        }
        Line(md, "## Sensitivity (same seeds, one change each)");
        Line(md, "");
        Line(md, "| variant | utilisation (reference) | fairness | messages per session-hour (steady / all) | command violations, s | new session -> non-zero limit, p50 / p95 / max |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var (label, r) in variants)
        {
            var armed = r.ArmedStarts > 0 ? $" ({r.ArmedStarts} of {r.SessionsStarted} sessions began armed, {r.TxDefaults} TxDefaults)" : "";
            Line(md, $"| {label} | {r.Utilisation:0.0000} ({r.ReferenceUtilisation:0.0000}) | {r.Fairness:0.0000} | {r.SteadyMessagesPerSessionHour:0.00} / {r.MessagesPerSessionHour:0.00} | {r.CommandViolationSeconds} | {Percentiles.Summary(r.StartLatencies)}{armed} |");
        }
        Line(md, "");
        md.Append(ResultsNotes.Text);
        return md.ToString();
    }

    private static void Scenario(StringBuilder md, SimulationResult r, double cpu)
    {
        var s = r.Scenario;
        var unit = s.Unit == SiteUnit.Watts ? "W" : "A per phase";
        Line(md, $"## {s.Name}");
        Line(md, "");
        Line(md, $"Seed {s.Seed}; {r.SimulatedHours:0.#} simulated hours in {cpu:0.0} CPU s; limit {s.Limit:0} {unit}, margin {s.Margin:P0}; "
            + $"{s.Chargers} chargers x {s.ConnectorsPerCharger} connectors ({s.ChargerCap:0} A); {s.InitialEvs} EVs at the start, then {s.ArrivalsPerHour:0.#} arrivals/h (Poisson); "
            + $"{s.SinglePhaseShare:P0} 1-phase EVs; EV maxima {string.Join("/", s.EvMaxCurrents)} A; meter values every {s.MeterInterval.TotalSeconds:0} s; answers after 1-{s.MaxAnswerDelaySeconds} s; "
            + $"grid limit {s.GridDropLimit:0} {unit} from {s.GridDropAt?.TotalHours:0.#} h for {s.GridDropFor.TotalHours:0.#} h, announced {s.GridDropNotice.TotalMinutes:0} min ahead"
            + (s.RejectingChargers + s.SilentChargers > 0 ? $"; {s.RejectingChargers} charger(s) reject profiles, {s.SilentChargers} never answer." : "."));
        Line(md, "");
        Line(md, "| metric | value | target | result |");
        Line(md, "|---|---|---|---|");
        Row(md, "command violations (s with I1 broken)", $"{r.CommandViolationSeconds} (max excess {r.MaxCommandExcess:0.##})", "0", r.CommandViolationSeconds == 0);
        Row(md, "time with 0 < installed < min (charger / loop view), s", $"{r.BelowMinSeconds} / {r.LoopBelowMinSeconds}", "0", r.BelowMinSeconds == 0 && r.LoopBelowMinSeconds == 0);
        Row(md, "utilisation (vs L_eff)", $"{r.Utilisation:0.0000}", ">= 0.95", s.TargetsApply ? r.Utilisation >= 0.95 : null, 0.95 - r.Utilisation);
        Row(md, "Jain fairness (delivered / reference)", $"{r.Fairness:0.0000} over {r.FairnessSessions} sessions (ratios {r.MinRatio:0.00}-{r.MaxRatio:0.00})", ">= 0.98", s.TargetsApply ? r.Fairness >= 0.98 : null, 0.98 - r.Fairness);
        Row(md, "profile messages per session-hour, steady state", $"{r.SteadyMessagesPerSessionHour:0.00}", "<= 6", s.TargetsApply ? r.SteadyMessagesPerSessionHour <= 6 : null, r.SteadyMessagesPerSessionHour - 6);
        Row(md, "profile messages per session-hour, all", $"{r.MessagesPerSessionHour:0.00} ({r.TxProfiles} TxProfiles, {r.LaunchSends} first sends, {r.Backstops} backstops)", "", null);
        Row(md, "sends by reason", string.Join(", ", r.SendsByReason.Select(x => $"{x.Key} {x.Value}")), "", null);
        Row(md, "utilisation of the reference allocation (ceiling of the allocator itself)", $"{r.ReferenceUtilisation:0.0000}", "", null);
        Row(md, "utilisation vs the raw limit (margin counted as loss)", $"{r.UtilisationRaw:0.0000}", "", null);
        Row(md, "measured violation seconds (draw above the raw limit)", $"{r.MeasuredViolationSeconds} (max excess {r.MaxMeasuredExcess:0.##})", "", null);
        Row(md, "trigger -> last decrease Accepted, p50 / p95 / max", Percentiles.Summary(r.DecreaseLatencies), "", null);
        Row(md, "grid step -> last decrease Accepted", r.GridDropLatency is { } g ? $"{g:0} s" : "no step", "", null);
        Row(md, "new session -> non-zero limit, p50 / p95 / max", Percentiles.Summary(r.StartLatencies), "", null);
        Row(md, "sessions started / ended / balked (no free connector)", $"{r.SessionsStarted} / {r.SessionsEnded} / {r.Balked}", "", null);
        Row(md, "session-hours, energy delivered", $"{r.SessionHours:0.0} h, {r.DeliveredKwh:0.0} kWh", "", null);
        Row(md, "loop runs, alarms, uncontrollable connectors", $"{r.LoopRuns}, {r.Alarms}, {r.Uncontrollable}", "", null);
        Line(md, "");
    }

    private static void Row(StringBuilder md, string metric, string value, string target, bool? pass, double miss = 0) =>
        Line(md, $"| {metric} | {value} | {target} | {(pass is null ? "" : pass.Value ? "pass" : string.Create(CultureInfo.InvariantCulture, $"**fail** (missed by {miss:0.###})"))} |");

    private static void Line(StringBuilder md, FormattableString text) => md.Append(FormattableString.Invariant(text)).Append('\n');

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static string Cpu()
    {
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return model?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
