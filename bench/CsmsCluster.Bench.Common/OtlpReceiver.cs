using System.Net;
using System.Net.Sockets;

namespace CsmsCluster.Bench.Common;

/// <summary>
/// A minimal OTLP/HTTP (protobuf) receiver on a free loopback port: a server under test exports its metrics here
/// (<c>Csms:Telemetry:OtlpEndpoint</c>), and the data points of the metrics named at construction are kept.
/// Start the server with delta temporality so each point holds only its own export interval.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HashSet<string> _wanted;
    private readonly List<(string Metric, HistogramPoint Point)> _histograms = [];
    private readonly List<(string Metric, NumberPoint Point)> _numbers = [];
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private int _traceExports;

    /// <summary>Listens for the points of <paramref name="metrics"/>.</summary>
    public OtlpReceiver(params string[] metrics)
    {
        _wanted = new HashSet<string>(metrics, StringComparer.Ordinal);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The base URL to give the server.</summary>
    public string Endpoint { get; }

    /// <summary>Trace export requests received (none when the server's sampler is off).</summary>
    public int TraceExports => Volatile.Read(ref _traceExports);

    /// <summary>
    /// The points of histogram <paramref name="metric"/> recorded between <paramref name="from"/> and <paramref name="to"/>:
    /// those whose interval's midpoint falls in the window (an export interval straddling an edge counts once).
    /// </summary>
    public IReadOnlyList<HistogramPoint> Histograms(string metric, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return [.. _histograms.Where(h => h.Metric == metric && Within(h.Point.Start, h.Point.End, from, to)).Select(h => h.Point)];
        }
    }

    /// <summary>The points of sum or gauge <paramref name="metric"/> in the window, chosen as for <see cref="Histograms"/>.</summary>
    public IReadOnlyList<NumberPoint> Numbers(string metric, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return [.. _numbers.Where(n => n.Metric == metric && Within(n.Point.Start, n.Point.End, from, to)).Select(n => n.Point)];
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
    }

    private static bool Within(DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset to)
    {
        var middle = start + ((end - start) / 2);
        return middle >= from && middle <= to;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url?.AbsolutePath ?? "";
            if (path.EndsWith("/v1/metrics", StringComparison.Ordinal))
            {
                var histograms = new List<(string, HistogramPoint)>();
                var numbers = new List<(string, NumberPoint)>();
                OtlpMetricsParser.Parse(body.ToArray(), _wanted, histograms, numbers);
                lock (_gate)
                {
                    _histograms.AddRange(histograms);
                    _numbers.AddRange(numbers);
                }
            }
            else if (path.EndsWith("/v1/traces", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _traceExports);
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
