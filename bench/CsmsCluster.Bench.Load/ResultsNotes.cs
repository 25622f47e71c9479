namespace CsmsCluster.Bench.Load;

/// <summary>How to read the figures; written under every results file.</summary>
public static class ResultsNotes
{
    public const string Text = """
- CPU is utime + stime of the server process from `/proc/<pid>/stat` over the measured window (10 ms ticks); CPU per
  message = that CPU / answered CALLs. CPU steal is the steal column of `/proc/stat` (time the hypervisor ran other guests
  while this one had work) as a share of the machine's CPU time, over the run, each S2 round and S5's window before
  the kill: a shared host that steals CPU inflates latencies and CPU per message alike. Every server includes its own keep-alive pings (CSMS and echo every 30 s,
  ocpp-rpc its default) in the window.
- S1 runs in a CSMS of its own with the product's default telemetry (no metric exporter); S2 starts another one whose
  exporter sends to the benchmark every second.
- RSS is `VmRSS` from `/proc/<pid>/status`: before the fleet connects (after start-up and readiness), 5 s after every
  charger's BootNotification was accepted, and after the idle window. The CSMS figure includes everything a charger
  costs there: socket, session, grain activation with its state, registration.
- Server-side latency is the CSMS's own histogram `csms.gateway.call.duration` (MeterValues, from the gateway reading the
  frame to sending its CALLRESULT), which the benchmark reads by pointing the server's OTLP
  exporter at a receiver of its own (1 s export interval, delta temporality). It is what performance.md's S2
  targets are stated on. The share within 5/25/100 ms is exact, because those are bucket bounds; p50/p99/p99.9 are
  interpolated inside their bucket. GC pauses (`dotnet.gc.pause.time`), collections per generation and the history
  commit time (`csms.history.commit.duration`) come from the same export, over the same window.
- Client-side latency is measured by the load generator, from each message's scheduled send time to its CALLRESULT
  (open loop, so queueing in the generator, the kernel and the server all count). It is an upper bound of the
  server-side figure and the only one the echo and ocpp-rpc baselines have.
- Each S2 round connects a fresh fleet to one target, warms up, measures, then closes it (the hard open-file limit of
  this machine, 20,000, does not allow three 10,000-charger fleets in one process at once). Order per round: CSMS,
  echo, ocpp-rpc. The echo server sends each CALL back; the generator counts the echoed frame as the answer.
- S3 cuts every client socket at once (as a network failure would), so the server sees 10,000 abrupt disconnects and
  then the reconnects. The CSMS runs with its default admission settings (500 upgrades/s, burst 1000; an upgrade
  refused by the rate gets a Retry-After booking the next free upgrade slot; Pending boots above 1000 grain calls in
  flight); chargers back off with equal-jitter exponential
  delays (1 s base, 60 s cap) and honour Retry-After. S1 and S2 raise the upgrade rate so fleets connect quickly; S5 keeps
  the defaults, as its four server processes share one core.
- During each S3 phase `/healthz` is probed every 500 ms with a 5 s timeout, from a dedicated thread with blocking
  sockets (as a kubelet does, outside the generator's thread pool), on two ports: the probe port
  (`Csms:Health:Port`: its own socket and thread in the server, where the Kubernetes manifests point the probes) and
  the main port, where the probes queue behind the chargers' upgrades. The verdict uses the probe port.
- S5 uses the membership defaults (lease 10 s, margin 2 s, heartbeat every 2 s, probes every second, a vote after 3
  missed probes, each node watched by 2 peers): a killed silo's grains are placed again once the survivors declare it
  dead, by its two watchers' votes (about 3-4 s after the kill) or at the latest when its lease expires (its last
  heartbeat + lease + margin, 10-12 s after the kill), and their chargers' waiting CALLs are answered then. A charger sends one CALL at a time, so the first of its disturbed
  CALLs to be answered is the one the kill held up: that answer is when it is served again, and the spec's bound
  (lease + 3 s) is judged on the last affected charger's. The CALLs its open-loop schedule queued meanwhile (one every
  5 s per charger at 2,000 CALL/s) follow; "backlog answered" is the kill to the last of them. After the run every
  acknowledged (charger, timestamp) is looked up in `meter_values` and every transaction in `transactions` (with its
  start and stop) on the cluster's PostgreSQL.
- Where a target is missed, what the profiles show and what would close it: `bench/results/load-profile.md`
  (kept by hand, with the date, commit and command of each profile; `profile-s5.sh` takes S5's).
""";
}
