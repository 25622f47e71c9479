using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace CsmsCluster.Gateway.Tests;

/// <summary>Two connected WebSockets over loopback TCP: the gateway's side and the charger's side.</summary>
internal sealed class SocketPair : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly Socket _accepted;

    private SocketPair(TcpClient client, Socket accepted)
    {
        _client = client;
        _accepted = accepted;
        Server = WebSocket.CreateFromStream(new NetworkStream(accepted, ownsSocket: false), isServer: true, subProtocol: "ocpp1.6", keepAliveInterval: Timeout.InfiniteTimeSpan);
        Charger = WebSocket.CreateFromStream(client.GetStream(), isServer: false, subProtocol: "ocpp1.6", keepAliveInterval: Timeout.InfiniteTimeSpan);
    }

    public WebSocket Server { get; }

    public WebSocket Charger { get; }

    public static async Task<SocketPair> CreateAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accept = listener.AcceptSocketAsync(cancellationToken);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint, cancellationToken);
        return new SocketPair(client, await accept);
    }

    public async Task<(WebSocketMessageType Type, string Text, WebSocketCloseStatus? Status)> ReceiveAtChargerAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var result = await Charger.ReceiveAsync(buffer, cancellationToken);
        return (result.MessageType, System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count), result.CloseStatus);
    }

    public ValueTask DisposeAsync()
    {
        Server.Dispose();
        Charger.Dispose();
        _accepted.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
