using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using CsmsCluster.Bench.Common;

namespace CsmsCluster.Bench.Load;

/// <summary>A server under test running as its own process, pinned to one core with taskset.</summary>
public sealed class TargetProcess : IDisposable
{
    /// <summary>The admin token the CSMS is started with.</summary>
    public const string AdminToken = "load-bench-admin-token-0123456789";

    private readonly Process _process;

    private TargetProcess(TargetKind kind, Process process, int port, int? healthPort, string directory, OtlpReceiver? metrics)
    {
        Kind = kind;
        Metrics = metrics;
        _process = process;
        Port = port;
        HealthPort = healthPort;
        Directory = directory;
    }

    /// <summary>What runs.</summary>
    public TargetKind Kind { get; }

    /// <summary>Its loopback port.</summary>
    public int Port { get; }

    /// <summary>The CSMS's probe port (<c>Csms:Health:Port</c>), where an orchestrator's probes go; null for the baselines.</summary>
    public int? HealthPort { get; }

    /// <summary>
    /// Where the CSMS exports its metrics (every second, delta temporality, traces off); null for the baselines.
    /// </summary>
    public OtlpReceiver? Metrics { get; }

    /// <summary>Its temp directory (data, log).</summary>
    public string Directory { get; }

    /// <summary>The process id (taskset and the shell exec into the server, so this is the server).</summary>
    public int Pid => _process.Id;

    /// <summary>Whether it is still running.</summary>
    public bool IsAlive => !_process.HasExited;

    /// <summary>The OCPP endpoint base.</summary>
    public Uri OcppBase => new($"ws://127.0.0.1:{Port}/ocpp/");

    /// <summary>The HTTP base.</summary>
    public Uri HttpBase => new($"http://127.0.0.1:{Port}/");

    /// <summary>utime + stime so far, in seconds.</summary>
    public double CpuSeconds() => ProcStats.CpuSeconds(Pid);

    /// <summary>VmRSS now, in KiB.</summary>
    public long RssKib() => ProcStats.RssKib(Pid);

    /// <summary>Starts <paramref name="kind"/> on <paramref name="cpu"/> and waits until it accepts connections.</summary>
    /// <param name="kind">What to start.</param>
    /// <param name="options">The benchmark's options.</param>
    /// <param name="cpu">The core to pin it to.</param>
    /// <param name="settings">CSMS settings beyond the benchmark's fixed ones.</param>
    /// <param name="exportMetrics">
    /// For the CSMS: point its OTLP exporter at a receiver of the benchmark's (every second). False runs it with the
    /// product's default telemetry (no exporter), as S1's idle cost is stated.
    /// </param>
    public static async Task<TargetProcess> StartAsync(
        TargetKind kind, BenchOptions options, int cpu, IReadOnlyDictionary<string, string> settings, bool exportMetrics = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        int? healthPort = kind == TargetKind.Csms ? FreePort() : null;
        var directory = System.IO.Directory.CreateTempSubdirectory($"csms-load-{kind}-").FullName;
        var metrics = kind == TargetKind.Csms && exportMetrics ? new OtlpReceiver(ServerFigures.Metrics) : null;
        var command = kind switch
        {
            TargetKind.Csms => $"dotnet {Quote(options.ServerDll)} --urls http://127.0.0.1:{port} --Csms:Api:AdminToken={AdminToken} "
                + $"--Csms:Api:DataDirectory={Quote(directory)} --Csms:Storage:ConnectionString={Quote($"Data Source={directory}/csms.db")} "
                + $"--Csms:Security:Ca:Directory={Quote(directory + "/ca")} --Logging:LogLevel:Default=Warning "
                + $"--Logging:Console:FormatterName=simple --Logging:Console:FormatterOptions:TimestampFormat={Quote("HH:mm:ss.fff ")} --Logging:Console:FormatterOptions:UseUtcTimestamp=true "
                + $"--Csms:Health:Port={healthPort} --Csms:Health:ListenAddress=127.0.0.1 "
                + (metrics is null ? "" : $"--Csms:Telemetry:OtlpEndpoint={metrics.Endpoint} --Csms:Telemetry:ExportInterval=00:00:01 ")
                + string.Join(' ', settings.Select(kv => $"--{kv.Key}={Quote(kv.Value)}")),
            TargetKind.Echo => $"dotnet {Quote(Assembly.GetEntryAssembly()!.Location)} echo --port {port}",
            _ => $"node {Quote(Path.Combine(options.BaselinesDirectory, "ocpp-rpc-server.mjs"))} --port {port}",
        };
        var start = new ProcessStartInfo("bash", ["-c", $"exec taskset -c {cpu} {command} > {Quote(directory + "/out.log")} 2>&1"]);
        // Each export carries only its own second, and no span is recorded (the exporter costs what it would in production).
        start.Environment["OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE"] = "delta";
        start.Environment["OTEL_TRACES_SAMPLER"] = "always_off";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {kind}.");
        var target = new TargetProcess(kind, process, port, healthPort, directory, metrics);
        await target.WaitReadyAsync();
        return target;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Kind} exited at start: {File.ReadAllText(Path.Combine(Directory, "out.log"))}");
            }

            try
            {
                if (Kind != TargetKind.Csms)
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port);
                    return;
                }

                if ((await http.GetAsync(new Uri(HttpBase, "readyz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Kind} did not become ready within 90 s.");
    }

    private static string Quote(string value) => $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The last <paramref name="count"/> lines of its log (stdout and stderr).</summary>
    public string LogTail(int count)
    {
        try
        {
            return string.Join('\n', File.ReadLines(Path.Combine(Directory, "out.log")).TakeLast(count));
        }
        catch (IOException exception)
        {
            return $"(log unreadable: {exception.Message})";
        }
    }

    /// <summary>Kills the process with SIGKILL, as a node failure would, and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>Kills the process and removes its directory.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        Metrics?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
