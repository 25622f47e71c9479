using System.Text;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>The method section of the results file: what is measured and why the set-up is what it is.</summary>
public static class ResultsNotes
{
    private static readonly string[] Text =
    [
        "## Method",
        "",
        "- The server runs as its own process (`CsmsCluster.Server.dll`, Release); the chargers are raw `ClientWebSocket` OCPP 1.6 " +
        "clients in the benchmark process (one connector each, 32 A, 3 phases), which answer every SetChargingProfile `Accepted` at once " +
        "and take its receive time (`Stopwatch`) as soon as the frame is complete, before parsing it.",
        "- Each site has n connectors: n - 1 sessions at an equal share s and one free connector. Its limit is `(n - 1) * s + 0.05` A " +
        "per phase, margin 0: saturated, with 0.05 A of room. Sessions leave their launch phase through MeterValues (Current.Import per " +
        "phase at the limit they were given) and converge at s = 32 A; a round starts only when `GET /api/v1/sites/{id}` shows every " +
        "session admitted with installedLimit == allocation == s, none pending, and `lastRunAt` older than 1.25 s (more than the 1 s " +
        "debounce, so the round's event is the first after a quiet period and the loop runs at once).",
        "- A round: the free connector sends StartTransaction (sites of scenario B all at the same moment). Its launch limit (6 A, the " +
        "minimum) does not fit in the 0.05 A of room, so the loop's limit check requires a decrease at every other connector in that " +
        "run; the allocation gives them `floor(((n - 1) * s + 0.05 - 6) / (n - 1), 0.1)` (s - 0.1 A at n = 200, s - 0.4 A at n = 20). " +
        "The new session's own 6 A profile is an increase and waits, by the commit rules, until those decreases are Accepted and " +
        "settled; it is not part of the run measured here. So the expected set is exactly one TxProfile at each of the n - 1 " +
        "sessions, and the round's latency is from the moment just before the StartTransaction frame is written to the moment the " +
        "last of those CALLs has been received (over all sites in B). The benchmark also checks each limit against the formula and " +
        "waits 200 ms after the last expected CALL for anything further (reported as extra CALLs).",
        "- Then the session stops, the decreased share becomes the new steady state and the site limit is set to `(n - 1) * s' + 0.05` " +
        "(no profile changes: the targets equal the installed limits). When s falls below 10 A the limit goes back to 32 A shares and " +
        "the sites re-converge (increases after the settle time and the 30 s minimum interval) before the next round.",
        "- The figure is a client-side latency: it includes the client's own work on its core and the loopback network, so it is an " +
        "upper bound of the server-side time from reading the StartTransaction to writing the last SetChargingProfile. The first-CALL " +
        "figure shows how long the server took to get from the StartTransaction to its first send (charge point grain and its state " +
        "write, site report, allocation and one site state write with the pending limits); the fan-out is the rest (one ChargePoint " +
        "grain call and one WebSocket " +
        "write per CALL, and the answers coming back). The server-side histogram covers the allocation run alone (`SiteLoop.Run`, " +
        "no persistence) and is read over OTLP/HTTP from outside, without changes to the server; its buckets are the SDK's " +
        "default millisecond boundaries, so between them only the mean and the maximum are exact.",
        "- `Csms:SmartCharging:Cycle` is lengthened to 1 h so that no periodic run falls inside a round (the debounce counts from " +
        "event-triggered runs only, so a periodic run would not delay the round's run, but it could send rotation or hold-back " +
        "updates that are not part of the measured set). The upgrade rate limits are raised only so that 1,000 chargers connect at " +
        "once during set-up.",
        "- `Csms:SmartCharging:Settle` is 1 s instead of 5 s only to shorten re-convergence between rounds: a new session on a " +
        "saturated site counts at its launch limit even while its launch send waits for the settle time, so the decreases that make " +
        "room for it go out in the same run either way.",
        "- `Csms:SmartCharging:DeadBand` is 0.1 A (the quantum) instead of 1 A so that every round is the widest fan-out: each " +
        "session's decrease (s - 0.1 A at n = 200, s - 0.4 A at n = 20) is then at least the dead band and is sent at once. With " +
        "the default 1 A these decreases are within the dead band, and the loop sends only the fewest that make room for the " +
        "new session's launch limit (about 60 at n = 200), so the default is a lighter case of the same run.",
        "- Scenario B uses 50 sites of 20 connectors (1,000 chargers, 950 decreases per round): 50 sites at once as S4 states, and as " +
        "many connectors as one load-generator core drives without becoming the bottleneck of the figure it measures.",
    ];

    public static void Method(StringBuilder md)
    {
        foreach (var line in Text)
        {
            ResultsWriter.Line(md, line);
        }
    }
}
