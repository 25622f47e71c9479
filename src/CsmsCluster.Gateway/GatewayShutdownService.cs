using System.Net.WebSockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// On shutdown, closes every charger socket with 1001 (going away) in the stopping phase, before the web server
/// waits for open requests and before the grains deactivate: chargers reconnect elsewhere and no message is accepted
/// after the grain runtime stops. With <see cref="OcppGatewayOptions.ShutdownCloseSpread"/> the closes go out in
/// waves over that time, so the other gateways take the reconnects as a stream rather than one herd.
/// </summary>
internal sealed class GatewayShutdownService(
    ChargerSessionRegistry sessions,
    IOptions<OcppGatewayOptions> options,
    TimeProvider timeProvider,
    ILogger<GatewayShutdownService> logger) : IHostedLifecycleService
{
    private const int MaxWaves = 20;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var all = sessions.Snapshot();
        GatewayLog.ClosingForShutdown(logger, all.Count);
        foreach (var session in all)
        {
            session.SetCloseReason(CloseReasons.Shutdown);
        }

        var spread = options.Value.ShutdownCloseSpread;
        var waves = spread > TimeSpan.Zero ? Math.Min(all.Count, MaxWaves) : 1;
        var closing = new List<Task>(all.Count);
        for (var wave = 0; wave < waves; wave++)
        {
            if (wave > 0)
            {
                await Task.Delay(spread / waves, timeProvider, CancellationToken.None);
            }

            // Wave w takes sessions w, w + waves, w + 2 * waves...: equal shares, whatever the count.
            for (var i = wave; i < all.Count; i += waves)
            {
                closing.Add(all[i].CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.", options.Value.CloseTimeout));
            }
        }

        await Task.WhenAll(closing);
        foreach (var session in all)
        {
            session.MarkClosed();
        }
    }
}
