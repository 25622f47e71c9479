using System.Net;
using System.Net.Sockets;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// A minimal OTLP/HTTP (protobuf) receiver: the server exports its metrics here, and the allocation-duration histogram
/// (<c>csms.smartcharging.allocation.duration</c>, meter <c>CsmsCluster.SmartCharging</c>) is kept with its arrival time.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    public const string Metric = "csms.smartcharging.allocation.duration";
    private readonly HttpListener _listener = new();
    private readonly List<(DateTimeOffset At, HistogramPoint Point)> _points = [];
    private readonly Task _loop;
    private int _traceExports;

    public OtlpReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    /// <summary>Trace export requests received (none when the server's sampler is off).</summary>
    public int TraceExports => Volatile.Read(ref _traceExports);

    public IReadOnlyList<HistogramPoint> Between(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_points)
        {
            return [.. _points.Where(p => p.At >= from && p.At <= to).Select(p => p.Point)];
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
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
                var points = HistogramPoint.Parse(body.ToArray(), Metric);
                lock (_points)
                {
                    _points.AddRange(points.Select(p => (DateTimeOffset.UtcNow, p)));
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
