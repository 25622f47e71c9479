using System.Diagnostics;
using System.Globalization;
using CsmsCluster.Bench.Common;
using CsmsCluster.Bench.SiteReallocation;

// S4: starts the real server, runs scenario A (one 200-connector site) and B (50 sites at once) and writes
// bench/results/site-reallocation.md (or --out).
var options = BenchOptions.Parse(args);
var root = RepositoryRoot();
var output = options.Output ?? Path.Combine(root, "bench", "results", "site-reallocation.md");
var pinned = Pinning.PinSelf();
if (options.BuildServer)
{
    using var build = Process.Start(new ProcessStartInfo("dotnet", "build src/CsmsCluster.Server -c Release --nologo -v q") { WorkingDirectory = root })!;
    await build.WaitForExitAsync();
    if (build.ExitCode != 0)
    {
        Console.Error.WriteLine("Building the server failed.");
        return 2;
    }
}
var serverDll = Path.Combine(root, "src", "CsmsCluster.Server", "bin", "Release", "net10.0", "CsmsCluster.Server.dll");
var settings = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Csms:SmartCharging:Cycle"] = options.Cycle,
    ["Csms:SmartCharging:Settle"] = "00:00:01",
    // Every decrease is then at least the dead band and is sent at once: the round's run writes a CALL to every session.
    ["Csms:SmartCharging:DeadBand"] = "0.1",
    ["Csms:Ocpp:MaxUpgradesPerSecond"] = "5000",
    ["Csms:Ocpp:UpgradeBurst"] = "5000",
};
var started = DateTimeOffset.UtcNow;
var load = MachineInfo.LoadAverage();
var results = new List<ScenarioResult>();
foreach (var scenario in options.Scenarios())
{
    using var otlp = options.ServerMetrics ? new OtlpReceiver(AllocationFigures.Metric) : null;
    var serverSettings = new Dictionary<string, string>(settings, StringComparer.Ordinal);
    var environment = new Dictionary<string, string>(StringComparer.Ordinal);
    if (otlp is not null)
    {
        serverSettings["Csms:Telemetry:OtlpEndpoint"] = otlp.Endpoint;
        serverSettings["Csms:Telemetry:ExportInterval"] = "00:00:01";
        environment["OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE"] = "delta";
        environment["OTEL_TRACES_SAMPLER"] = "always_off";
    }
    await using var server = await ServerProcess.StartAsync(serverDll, serverSettings, environment, pinned);
    using var api = new CsmsApi(server.BaseAddress, server.Token);
    var runner = new ScenarioRunner(api, new Uri($"ws://{server.BaseAddress.Authority}/ocpp/"), scenario);
    Console.WriteLine($"Scenario {scenario.Name}: {scenario.Sites} site(s) x {scenario.Connectors} connectors; server pid {server.Id}, data {server.Directory}");
    var setup = await runner.SetupAsync();
    Console.WriteLine($"  set up and converged in {setup.TotalSeconds:0.0} s");
    var from = DateTimeOffset.UtcNow;
    var rounds = await runner.RunAsync((i, r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  round {i + 1}{(i < scenario.WarmUp ? " (warm-up)" : "")}: {r.Milliseconds:0.0} ms, {r.Calls} CALLs{(r.Extra > 0 ? $", {r.Extra} extra" : "")}{(r.WrongLimit > 0 ? $", {r.WrongLimit} wrong limit" : "")}{(r.TimedOut ? ", TIMED OUT" : "")}")));
    var to = DateTimeOffset.UtcNow;
    await Task.Delay(2500);
    var figures = otlp is null ? null : AllocationFigures.From(otlp.Histograms(AllocationFigures.Metric, from, to.AddSeconds(2)));
    var notes = otlp is null ? "" : $"trace exports received: {otlp.TraceExports}";
    await runner.DisposeSitesAsync();
    var result = new ScenarioResult(scenario, rounds, setup, figures, notes);
    results.Add(result);
    Console.WriteLine(ResultsWriter.Summary(result));
}
var command = "dotnet run -c Release --project bench/CsmsCluster.Bench.SiteReallocation" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
var markdown = ResultsWriter.Write(results, new RunInfo(started, MachineInfo.Commit(root), command, pinned, load, MachineInfo.LoadAverage(), settings));
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine($"Wrote {output}");
return results.All(r => r.Passed) ? 0 : 1;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CsmsCluster.sln")))
        {
            return dir.FullName;
        }
    }
    return Environment.CurrentDirectory;
}
