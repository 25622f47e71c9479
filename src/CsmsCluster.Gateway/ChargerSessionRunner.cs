using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// The receive loop of one socket: reads whole messages into pooled buffers (up to the maximum frame size) and hands
/// each to the <see cref="InboundMessageHandler"/>, one at a time, so a charger's messages are handled in order.
/// </summary>
internal sealed class ChargerSessionRunner(InboundMessageHandler handler, IOptions<OcppGatewayOptions> options, ILogger<ChargerSessionRunner> logger)
{
    private const int InitialBufferBytes = 4096;

    public async Task RunAsync(ChargerSession session, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxFrameBytes;
        var socket = session.Socket;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, max + 1));
        try
        {
            while (!cancellationToken.IsCancellationRequested && IsReceiving(session))
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer, count, max);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    count += result.Count;
                    if (count > max)
                    {
                        GatewayLog.FrameTooBig(logger, session.ChargePointId, max);
                        session.SetCloseReason(CloseReasons.BadFrame);
                        await session.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Message larger than {max} bytes.", options.Value.CloseTimeout);
                        return;
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await session.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, options.Value.CloseTimeout);
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    // OCPP-J frames are text (OCPP-J 1.6 §4.1); binary data is a protocol violation.
                    session.SetCloseReason(CloseReasons.BadFrame);
                    await session.CloseAsync(WebSocketCloseStatus.InvalidMessageType, "OCPP-J frames must be text messages.", options.Value.CloseTimeout);
                    return;
                }

                if (socket.State != WebSocketState.Open)
                {
                    // Closing on the gateway's initiative: the charger's last messages are discarded, unanswered.
                    continue;
                }

                await handler.HandleAsync(session, buffer.AsMemory(0, count), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            GatewayLog.SocketEnded(logger, session.ChargePointId, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsReceiving(ChargerSession session) =>
        session.Socket.State == WebSocketState.Open || (session.Socket.State == WebSocketState.CloseSent && session.IsTerminating);

    private static byte[] Grow(byte[] buffer, int used, int max)
    {
        // One byte beyond the maximum lets an oversized message be detected without reading it all.
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)max + 1));
        buffer.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
