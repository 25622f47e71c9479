using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Health;

/// <summary>
/// Answers <c>GET /healthz</c> and <c>GET /readyz</c> on a port of its own, from a dedicated thread with blocking
/// socket calls: a probe does not queue behind a reconnect storm in the main port's accept queue, nor behind its work
/// on the thread pool. It answers from <see cref="HealthState"/> only. One connection at a time, each bounded by a
/// short timeout (the port is for the orchestrator's probes, not for the public).
/// </summary>
internal sealed partial class HealthProbeListener(HealthState state, IOptions<HealthProbeOptions> options, TimeProvider time, ILogger<HealthProbeListener> logger)
    : IHostedService, IHealthProbePort, IDisposable
{
    private const int MaxRequestBytes = 4096;
    private static readonly TimeSpan IoTimeout = TimeSpan.FromSeconds(2);

    private Socket? _listener;
    private Thread? _thread;

    /// <inheritdoc />
    public int? BoundPort { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port is not { } port)
        {
            return Task.CompletedTask;
        }

        var address = IPAddress.Parse(options.Value.ListenAddress);
        _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(address, port));
        _listener.Listen(64);
        BoundPort = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _thread = new Thread(Serve) { IsBackground = true, Name = "health-probes" };
        _thread.Start();
        LogListening(logger, address.ToString(), BoundPort.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Closing the socket ends the blocking Accept; the thread then exits.
        _listener?.Close();
        _thread?.Join(IoTimeout * 2);
        return Task.CompletedTask;
    }

    public void Dispose() => _listener?.Dispose();

    private void Serve()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = _listener!.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    client.ReceiveTimeout = client.SendTimeout = (int)IoTimeout.TotalMilliseconds;
                    client.Send(Respond(ReadRequestLine(client)));
                    client.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                    // A prober that went away or stalled: nothing to answer.
                }
            }
        }
    }

    /// <summary>The request line, or null when the head is not complete within the size and time limits.</summary>
    private static string? ReadRequestLine(Socket client)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = client.Receive(buffer, length, buffer.Length - length, SocketFlags.None);
            if (read == 0)
            {
                break;
            }

            length += read;
            var head = buffer.AsSpan(0, length);
            if (head.IndexOf("\r\n\r\n"u8) >= 0)
            {
                var end = head.IndexOf("\r\n"u8);
                return Encoding.ASCII.GetString(head[..end]);
            }
        }

        return null;
    }

    private byte[] Respond(string? requestLine)
    {
        var parts = requestLine?.Split(' ');
        if (parts is not [var method, var target, var version] || !version.StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Response(400, "Bad Request", "Bad request", head: false);
        }

        var head = method == "HEAD";
        if (method != "GET" && !head)
        {
            return Response(405, "Method Not Allowed", "Only GET and HEAD", head, "Allow: GET, HEAD\r\n");
        }

        var path = target.Split('?', 2)[0];
        var now = time.GetUtcNow();
        var (ok, text) = path switch
        {
            "/healthz" => state.LivenessAt(now),
            "/readyz" => state.ReadinessAt(now),
            _ => (false, (string?)null)!,
        };
        return text is null
            ? Response(404, "Not Found", "Not found", head)
            : Response(ok ? 200 : 503, ok ? "OK" : "Service Unavailable", text, head);
    }

    private static byte[] Response(int status, string reason, string body, bool head, string extraHeaders = "")
    {
        var content = Encoding.UTF8.GetBytes(body);
        var header = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {content.Length}\r\n"
            + $"Cache-Control: no-store\r\n{extraHeaders}Connection: close\r\n\r\n");
        return head ? header : [.. header, .. content];
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Health probes listening on {Address}:{Port}")]
    private static partial void LogListening(ILogger logger, string address, int port);
}
