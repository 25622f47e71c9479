using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// Answers peer probes (<see cref="ProbeDatagram"/>) over UDP on the internal port's number, from a dedicated thread
/// with blocking socket calls. A node whose thread pool is saturated (a connect storm, a burst of calls after a
/// failover) still answers within microseconds: a probe tests that the process runs and the network path works, and
/// is never lost in the queue of work that overload builds up. Overload is the lease's business, not the voters'.
/// </summary>
internal sealed partial class UdpProbeResponder : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _siloId;
    private readonly Thread _thread;

    private UdpProbeResponder(Socket socket, string siloId)
    {
        _socket = socket;
        _siloId = Encoding.UTF8.GetBytes(siloId);
        _thread = new Thread(Serve) { IsBackground = true, Name = "cluster-probe-responder" };
        _thread.Start();
    }

    /// <summary>The UDP port it answers on.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>
    /// Starts answering as <paramref name="siloId"/> on UDP <paramref name="address"/>:<paramref name="port"/>, or
    /// returns null (with a warning) when that port cannot be bound: peers then probe over HTTP alone, as
    /// <see cref="SiloProbe"/> tries both.
    /// </summary>
    public static UdpProbeResponder? TryStart(IPAddress address, int port, string siloId, ILogger logger)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            LogUnavailable(logger, address.ToString(), port, exception);
            return null;
        }

        return new UdpProbeResponder(socket, siloId);
    }

    /// <summary>Stops answering: closing the socket ends the blocking receive, and the thread exits.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Serve()
    {
        var buffer = new byte[ProbeDatagram.MaxBytes];
        EndPoint anyone = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            try
            {
                var sender = anyone;
                var length = _socket.ReceiveFrom(buffer, ref sender);
                if (ProbeDatagram.TryRead(buffer.AsSpan(0, length), out _, out var siloId) && siloId.SequenceEqual(_siloId))
                {
                    _socket.SendTo(buffer.AsSpan(0, length), sender);
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_socket.IsBound || _socket.SafeHandle.IsClosed)
            {
                return;
            }
            catch (SocketException)
            {
                // One bad exchange (an unreachable sender, a truncated datagram) does not stop the answers.
            }
        }
    }

    [LoggerMessage(112, LogLevel.Warning, "UDP {Address}:{Port} cannot be bound for peer probes; peers probe this node over HTTP alone")]
    private static partial void LogUnavailable(ILogger logger, string address, int port, Exception exception);
}
