using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CsmsCluster.Bench.Load;

/// <summary>
/// Probes <c>GET /healthz</c> every 500 ms the way an orchestrator does, from a dedicated thread with blocking sockets
/// and a 5 s timeout, so the load generator's own thread pool (busy with thousands of reconnecting chargers) does not
/// add its queueing to the figure.
/// </summary>
public sealed class HealthProber : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly int _port;
    private readonly Thread _thread;
    private volatile bool _stop;
    private double _maxMs;
    private int _failures;
    private int _probes;

    public HealthProber(int port)
    {
        _port = port;
        _thread = new Thread(Run) { IsBackground = true, Name = $"health-prober-{port}" };
        _thread.Start();
    }

    /// <summary>The slowest probe so far (a failed one counts with its time, at most the timeout).</summary>
    public double MaxMilliseconds => Volatile.Read(ref _maxMs);

    /// <summary>Probes that timed out, failed to connect or did not get 200.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Probes made.</summary>
    public int Probes => Volatile.Read(ref _probes);

    public void Dispose()
    {
        _stop = true;
        _thread.Join(Timeout * 2);
    }

    private void Run()
    {
        while (!_stop)
        {
            var clock = Stopwatch.StartNew();
            var ok = Probe();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Interlocked.Increment(ref _probes);
            if (!ok)
            {
                Interlocked.Increment(ref _failures);
            }

            if (elapsed > _maxMs)
            {
                Volatile.Write(ref _maxMs, elapsed);
            }

            Thread.Sleep(500);
        }
    }

    private bool Probe()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveTimeout = socket.SendTimeout = (int)Timeout.TotalMilliseconds;
            // Connect has no timeout of its own on a blocking socket: bound it with the same 5 s.
            var connect = socket.BeginConnect(new IPEndPoint(IPAddress.Loopback, _port), null, null);
            if (!connect.AsyncWaitHandle.WaitOne(Timeout))
            {
                return false;
            }

            socket.EndConnect(connect);
            socket.Send(Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{_port}\r\nConnection: close\r\n\r\n"));
            var buffer = new byte[64];
            var length = 0;
            while (length < 12)
            {
                var read = socket.Receive(buffer, length, buffer.Length - length, SocketFlags.None);
                if (read == 0)
                {
                    return false;
                }

                length += read;
            }

            return Encoding.ASCII.GetString(buffer, 0, length).StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
