using System.Net;
using System.Net.Sockets;

namespace CsmsCluster.Simulator;

/// <summary>
/// One <see cref="HttpMessageInvoker"/> per local source address. <see cref="System.Net.WebSockets.ClientWebSocket"/>
/// cannot bind a local address itself, so each invoker's <see cref="SocketsHttpHandler.ConnectCallback"/> binds the
/// socket before connecting. Several 127.0.0.x addresses lift the ~28k ephemeral-port limit of one address.
/// </summary>
public sealed class SourceAddressPool : IDisposable
{
    // IP_BIND_ADDRESS_NO_PORT (Linux): defer the port choice to connect(), so bound sockets share ports across destinations.
    private const int IpProtocolLevel = 0;
    private const int IpBindAddressNoPort = 24;
    private readonly HttpMessageInvoker[] _invokers;

    /// <summary>Creates one invoker per address, or one unbound invoker when there are none.</summary>
    public SourceAddressPool(IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        _invokers = addresses.Count == 0
            ? [Create(null)]
            : [.. addresses.Select(Create)];
    }

    /// <summary>The invoker charger <paramref name="index"/> uses.</summary>
    public HttpMessageInvoker For(int index) => _invokers[index % _invokers.Length];

    private static HttpMessageInvoker Create(IPAddress? local)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    if (local is not null)
                    {
                        TryDeferPort(socket);
                        socket.Bind(new IPEndPoint(local, 0));
                    }

                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }

    private static void TryDeferPort(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(IpProtocolLevel, IpBindAddressNoPort, [1, 0, 0, 0]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }
    }
}
